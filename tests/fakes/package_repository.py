"""Delivery's packages, artifacts and jobs in memory."""

from __future__ import annotations

import uuid

from aicmo.delivery.internal.models import ArtifactRow, DeliveryJobRow, PackageRow


class FakePackageRepository:
    def __init__(self) -> None:
        self.packages: dict[uuid.UUID, PackageRow] = {}
        self.artifacts: dict[uuid.UUID, ArtifactRow] = {}
        self.jobs: dict[uuid.UUID, DeliveryJobRow] = {}

    def add(self, package: PackageRow, artifacts: list[ArtifactRow]) -> None:
        self.packages[package.id] = package
        self.artifacts.update((artifact.id, artifact) for artifact in artifacts)

    def package(self, package_id: uuid.UUID) -> PackageRow | None:
        return self.packages.get(package_id)

    def package_for_run(self, run_key: str) -> PackageRow | None:
        return next((package for package in self.packages.values() if package.run_key == run_key), None)

    def artifacts_of(self, package_id: uuid.UUID) -> list[ArtifactRow]:
        return sorted((a for a in self.artifacts.values() if a.package_id == package_id), key=lambda a: a.name)

    def add_job(self, job: DeliveryJobRow) -> None:
        self.jobs[job.id] = job

    def job(self, job_id: uuid.UUID) -> DeliveryJobRow:
        return self.jobs[job_id]

    def job_for_key(self, idempotency_key: str) -> DeliveryJobRow | None:
        return next((job for job in self.jobs.values() if job.idempotency_key == idempotency_key), None)

    def jobs_of(self, package_id: uuid.UUID) -> list[DeliveryJobRow]:
        return sorted(
            (job for job in self.jobs.values() if job.package_id == package_id), key=lambda job: job.idempotency_key
        )
