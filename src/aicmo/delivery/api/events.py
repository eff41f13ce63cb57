"""Events delivery publishes."""

from __future__ import annotations

from aicmo.delivery.api.dtos import PackageId
from aicmo.kernel.events import DomainEvent


class PackageBuilt(DomainEvent):
    package_id: PackageId
    run_key: str
    folder: str
    files: int
