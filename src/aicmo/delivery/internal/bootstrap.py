"""Delivery wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.delivery.api.ports import PackageBuilder
from aicmo.delivery.internal.channels import DeliveryChannels
from aicmo.delivery.internal.dispatch import RetryPolicy
from aicmo.delivery.internal.models import DeliveryBase
from aicmo.delivery.internal.package_repository import DeliveryUnitOfWorkFactory
from aicmo.delivery.internal.service import DeliveryService
from aicmo.delivery.internal.sql_package_repository import sql_delivery_unit_of_work
from aicmo.kernel.clock import Clock

METADATA = DeliveryBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"

__all__ = [
    "METADATA",
    "MIGRATIONS",
    "DeliveryChannels",
    "RetryPolicy",
    "bootstrap_delivery",
    "sql_delivery_unit_of_work",
]


def bootstrap_delivery(
    clock: Clock, uow: DeliveryUnitOfWorkFactory, channels: DeliveryChannels, *, agency: str | None
) -> PackageBuilder:
    """Delivery on the units of work `uow` opens (`sql_delivery_unit_of_work(db)`, or a fake in
    tests), writing and sending through `channels`, naming `agency` as the author."""
    return DeliveryService(uow, clock, channels, agency=agency)
