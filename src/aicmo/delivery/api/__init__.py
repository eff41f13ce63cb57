"""Delivery: renders a run's strategy, content pack and QC report into files — with a
manifest of checksums and lineage — and delivers them to a target (a folder by default)."""

from aicmo.delivery.api.dtos import Artifact, Package, PackageId, PackageRequest, PackageStatus
from aicmo.delivery.api.events import PackageBuilt
from aicmo.delivery.api.ports import PackageBuilder

CONTRACT_VERSION = "1.0.0"

__all__ = [
    "CONTRACT_VERSION",
    "Artifact",
    "Package",
    "PackageBuilder",
    "PackageBuilt",
    "PackageId",
    "PackageRequest",
    "PackageStatus",
]
