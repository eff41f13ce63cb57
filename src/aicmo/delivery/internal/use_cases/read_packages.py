"""Read a stored package with its files and its delivery jobs."""

from __future__ import annotations

from aicmo.delivery.api.dtos import Package, PackageId
from aicmo.delivery.internal.package_repository import DeliveryUnitOfWorkFactory
from aicmo.delivery.internal.packages import stored_package
from aicmo.kernel.errors import NotFound


def get_package(uow: DeliveryUnitOfWorkFactory, package_id: PackageId) -> Package:
    with uow() as unit:
        package = unit.repository.package(package_id)
        if package is None:
            raise NotFound(f"no package {package_id}")
        return stored_package(package, unit.repository.artifacts_of(package.id), unit.repository.jobs_of(package.id))
