"""QC's runs and findings in its tables, and its events in `qc_outbox`."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from aicmo.kernel.events import DomainEvent
from aicmo.platform.db import Database
from aicmo.platform.db.short_ids import SortedKeys, TableKeys
from aicmo.platform.db.sql_unit_of_work import SqlUnitOfWork
from aicmo.platform.events import outbox_entry
from aicmo.qc.internal.models import OWNER, QcFindingRow, QcOutbox, QcRunRow
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory


class SqlQcRunRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, run: QcRunRow, findings: list[QcFindingRow]) -> None:
        self._session.add(run)
        self._session.flush()
        self._session.add_all(findings)

    def run(self, run_id: uuid.UUID) -> QcRunRow | None:
        return self._session.get(QcRunRow, run_id)

    def run_for_key(self, key: str) -> QcRunRow | None:
        return self._session.scalar(select(QcRunRow).where(QcRunRow.request_key == key))

    def latest_run_of(self, pack_id: uuid.UUID) -> QcRunRow | None:
        latest = select(QcRunRow).where(QcRunRow.pack_id == pack_id).order_by(QcRunRow.created_at.desc()).limit(1)
        return self._session.scalar(latest)

    def finding(self, finding_id: uuid.UUID) -> QcFindingRow | None:
        return self._session.get(QcFindingRow, finding_id)

    def findings_of(self, run_id: uuid.UUID) -> list[QcFindingRow]:
        return list(self._session.scalars(select(QcFindingRow).where(QcFindingRow.run_id == run_id)))

    def replace_findings(self, run_id: uuid.UUID, item_id: uuid.UUID, findings: list[QcFindingRow]) -> None:
        self._session.execute(
            delete(QcFindingRow).where(QcFindingRow.run_id == run_id, QcFindingRow.item_id == item_id)
        )
        self._session.add_all(findings)
        self._session.flush()

    def finding_keys(self) -> SortedKeys:
        return TableKeys(self._session, QcFindingRow.id)


def store_qc_events(session: Session, events: list[DomainEvent]) -> None:
    session.add_all([outbox_entry(QcOutbox, event) for event in events])


def sql_qc_unit_of_work(db: Database) -> QcUnitOfWorkFactory:
    return lambda: SqlUnitOfWork(db, OWNER, SqlQcRunRepository, store_qc_events)
