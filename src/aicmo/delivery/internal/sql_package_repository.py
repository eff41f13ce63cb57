"""Delivery's packages, artifacts and jobs in its tables, and its events in `delivery_outbox`."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.delivery.internal.models import OWNER, ArtifactRow, DeliveryJobRow, DeliveryOutbox, PackageRow
from aicmo.delivery.internal.package_repository import DeliveryUnitOfWorkFactory
from aicmo.kernel.events import DomainEvent
from aicmo.platform.db import Database
from aicmo.platform.db.sql_unit_of_work import SqlUnitOfWork
from aicmo.platform.events import outbox_entry


class SqlPackageRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, package: PackageRow, artifacts: list[ArtifactRow]) -> None:
        self._session.add(package)
        self._session.flush()
        self._session.add_all(artifacts)

    def package(self, package_id: uuid.UUID) -> PackageRow | None:
        return self._session.get(PackageRow, package_id)

    def package_for_run(self, run_key: str) -> PackageRow | None:
        return self._session.scalar(select(PackageRow).where(PackageRow.run_key == run_key))

    def artifacts_of(self, package_id: uuid.UUID) -> list[ArtifactRow]:
        query = select(ArtifactRow).where(ArtifactRow.package_id == package_id).order_by(ArtifactRow.name)
        return list(self._session.scalars(query))

    def add_job(self, job: DeliveryJobRow) -> None:
        self._session.add(job)

    def job(self, job_id: uuid.UUID) -> DeliveryJobRow:
        return self._session.get_one(DeliveryJobRow, job_id)

    def job_for_key(self, idempotency_key: str) -> DeliveryJobRow | None:
        return self._session.scalar(select(DeliveryJobRow).where(DeliveryJobRow.idempotency_key == idempotency_key))

    def jobs_of(self, package_id: uuid.UUID) -> list[DeliveryJobRow]:
        query = (
            select(DeliveryJobRow)
            .where(DeliveryJobRow.package_id == package_id)
            .order_by(DeliveryJobRow.idempotency_key)
        )
        return list(self._session.scalars(query))


def store_delivery_events(session: Session, events: list[DomainEvent]) -> None:
    session.add_all([outbox_entry(DeliveryOutbox, event) for event in events])


def sql_delivery_unit_of_work(db: Database) -> DeliveryUnitOfWorkFactory:
    return lambda: SqlUnitOfWork(db, OWNER, SqlPackageRepository, store_delivery_events)
