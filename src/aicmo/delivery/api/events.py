"""Events delivery publishes."""

from __future__ import annotations

from aicmo.delivery.api.dtos import PackageId
from aicmo.kernel.events import DomainEvent


class PackageBuilt(DomainEvent):
    package_id: PackageId
    run_key: str
    folder: str
    files: int


class Delivered(DomainEvent):
    package_id: PackageId
    target: str
    idempotency_key: str


class DeliveryFailed(DomainEvent):
    package_id: PackageId
    target: str
    reason: str
    attempts: int
