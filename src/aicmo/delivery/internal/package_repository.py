"""Delivery's storage as its use cases see it: packages, their artifacts and their delivery jobs."""

from __future__ import annotations

import uuid
from typing import Protocol

from aicmo.delivery.internal.models import ArtifactRow, DeliveryJobRow, PackageRow
from aicmo.platform.db.unit_of_work import UnitOfWork, UnitOfWorkFactory


class PackageRepository(Protocol):
    def add(self, package: PackageRow, artifacts: list[ArtifactRow]) -> None:
        """Store a new package with its artifacts."""
        ...

    def package(self, package_id: uuid.UUID) -> PackageRow | None: ...

    def package_for_run(self, run_key: str) -> PackageRow | None:
        """The package built for this run, if any."""
        ...

    def artifacts_of(self, package_id: uuid.UUID) -> list[ArtifactRow]:
        """The package's files, by name."""
        ...

    def add_job(self, job: DeliveryJobRow) -> None: ...

    def job(self, job_id: uuid.UUID) -> DeliveryJobRow:
        """A stored job (it always exists: the use case stored it)."""
        ...

    def job_for_key(self, idempotency_key: str) -> DeliveryJobRow | None: ...

    def jobs_of(self, package_id: uuid.UUID) -> list[DeliveryJobRow]:
        """The package's delivery jobs, by idempotency key."""
        ...


DeliveryUnitOfWork = UnitOfWork[PackageRepository]
DeliveryUnitOfWorkFactory = UnitOfWorkFactory[PackageRepository]
