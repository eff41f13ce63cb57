"""Production's packs and items in its tables, and its events in `production_outbox`."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.kernel.events import DomainEvent
from aicmo.platform.db import Database
from aicmo.platform.db.sql_unit_of_work import SqlUnitOfWork
from aicmo.platform.events import outbox_entry
from aicmo.production.internal.models import OWNER, ContentItemRow, PackRow, ProductionOutbox
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory


class SqlPackRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, pack: PackRow, items: list[ContentItemRow]) -> None:
        self._session.add(pack)
        self._session.flush()
        self._session.add_all(items)

    def pack(self, pack_id: uuid.UUID) -> PackRow | None:
        return self._session.get(PackRow, pack_id)

    def pack_for_key(self, request_key: str) -> PackRow | None:
        return self._session.scalar(select(PackRow).where(PackRow.request_key == request_key))

    def items_of(self, pack_id: uuid.UUID) -> list[ContentItemRow]:
        query = select(ContentItemRow).where(ContentItemRow.pack_id == pack_id).order_by(ContentItemRow.position)
        return list(self._session.scalars(query))


def store_production_events(session: Session, events: list[DomainEvent]) -> None:
    session.add_all([outbox_entry(ProductionOutbox, event) for event in events])


def sql_production_unit_of_work(db: Database) -> ProductionUnitOfWorkFactory:
    return lambda: SqlUnitOfWork(db, OWNER, SqlPackRepository, store_production_events)
