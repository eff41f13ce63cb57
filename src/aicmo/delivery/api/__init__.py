"""Delivery: renders a run's strategy, content pack and QC report into files — with a
manifest of checksums and lineage — into a folder, and delivers them to a client's inbox
(SMTP) or endpoint (signed webhook), once."""

from aicmo.delivery.api.dtos import (
    Artifact,
    DeliveryJob,
    DeliveryStatus,
    DeliveryTarget,
    Package,
    PackageId,
    PackageRequest,
    PackageStatus,
    TargetKind,
)
from aicmo.delivery.api.events import Delivered, DeliveryFailed, PackageBuilt
from aicmo.delivery.api.ports import PackageBuilder

CONTRACT_VERSION = "3.2.0"

__all__ = [
    "CONTRACT_VERSION",
    "Artifact",
    "Delivered",
    "DeliveryFailed",
    "DeliveryJob",
    "DeliveryStatus",
    "DeliveryTarget",
    "Package",
    "PackageBuilder",
    "PackageBuilt",
    "PackageId",
    "PackageRequest",
    "PackageStatus",
    "TargetKind",
]
