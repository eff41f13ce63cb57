"""Reading every module's outbox (reads only: each module alone writes its own)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from collections.abc import Iterator

from sqlalchemy import RowMapping, Table, select

from aicmo.platform.db import Database
from aicmo.platform.events.outbox import outbox_table_name


@dataclass(frozen=True)
class StoredEvent:
    event_id: uuid.UUID
    source: str
    """The module whose outbox holds it."""
    event_type: str
    payload: dict
    occurred_at: dt.datetime


def _outboxes(db: Database) -> Iterator[tuple[str, Table]]:
    for metadata in db.metadatas:
        owner = metadata.info["owner"]
        table = metadata.tables.get(outbox_table_name(owner))
        if table is not None:
            yield owner, table


def _event(owner: str, row: RowMapping) -> StoredEvent:
    return StoredEvent(row["id"], owner, row["event_type"], row["payload"], row["occurred_at"])


def read_events(db: Database, event_types: set[str], *, limit: int = 500) -> list[StoredEvent]:
    """Events of the given types from every module's outbox, oldest first."""
    with db.engine.connect() as connection:
        events = [
            _event(owner, row)
            for owner, table in _outboxes(db)
            for row in connection.execute(
                select(table).where(table.c.event_type.in_(event_types)).order_by(table.c.occurred_at).limit(limit)
            ).mappings()
        ]
    return sorted(events, key=lambda event: event.occurred_at)[:limit]


def find_event(db: Database, event_id: uuid.UUID) -> StoredEvent | None:
    with db.engine.connect() as connection:
        for owner, table in _outboxes(db):
            row = connection.execute(select(table).where(table.c.id == event_id)).mappings().first()
            if row is not None:
                return _event(owner, row)
    return None
