"""Void a package: the compensation when a later step of the workflow fails. Its files stay for the audit."""

from __future__ import annotations

from aicmo.delivery.api.dtos import PackageId, PackageStatus
from aicmo.delivery.internal.package_repository import DeliveryUnitOfWorkFactory
from aicmo.kernel.clock import Clock


def void(uow: DeliveryUnitOfWorkFactory, clock: Clock, package_id: PackageId) -> None:
    """Idempotent: a void or unknown package stays as it is."""
    with uow() as unit:
        package = unit.repository.package(package_id)
        if package is not None and package.status != PackageStatus.VOID:
            package.status = PackageStatus.VOID
            package.voided_at = clock.now()
            unit.commit()
