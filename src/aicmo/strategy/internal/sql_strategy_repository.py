"""Strategy's documents and versions in its tables, and its events in `strategy_outbox`."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aicmo.kernel.events import DomainEvent
from aicmo.platform.db import Database
from aicmo.platform.db.sql_unit_of_work import SqlUnitOfWork
from aicmo.platform.events import outbox_entry
from aicmo.strategy.internal.models import OWNER, StrategyOutbox, StrategyRow, StrategyVersionRow
from aicmo.strategy.internal.strategy_repository import StrategyUnitOfWorkFactory


class SqlStrategyRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_document(self, document: StrategyRow) -> None:
        self._session.add(document)
        self._session.flush()

    def document_for_brief(self, brief_id: uuid.UUID) -> StrategyRow | None:
        return self._session.scalar(select(StrategyRow).where(StrategyRow.brief_id == brief_id))

    def document_of(self, version: StrategyVersionRow) -> StrategyRow:
        return self._session.get_one(StrategyRow, version.strategy_id)

    def add_version(self, version: StrategyVersionRow) -> None:
        self._session.add(version)

    def version(self, version_id: uuid.UUID) -> StrategyVersionRow | None:
        return self._session.get(StrategyVersionRow, version_id)

    def version_for_key(self, request_key: str) -> StrategyVersionRow | None:
        return self._session.scalar(select(StrategyVersionRow).where(StrategyVersionRow.request_key == request_key))

    def latest_version_number(self, strategy_id: uuid.UUID) -> int:
        latest = self._session.scalar(
            select(func.max(StrategyVersionRow.version)).where(StrategyVersionRow.strategy_id == strategy_id)
        )
        return latest or 0


def store_strategy_events(session: Session, events: list[DomainEvent]) -> None:
    session.add_all([outbox_entry(StrategyOutbox, event) for event in events])


def sql_strategy_unit_of_work(db: Database) -> StrategyUnitOfWorkFactory:
    return lambda: SqlUnitOfWork(db, OWNER, SqlStrategyRepository, store_strategy_events)
