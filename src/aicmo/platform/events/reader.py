"""Reading every module's outbox (reads only: each module alone writes its own)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

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


def read_events(db: Database, event_types: set[str], *, limit: int = 500) -> list[StoredEvent]:
    """Events of the given types from every module's outbox, oldest first."""
    events: list[StoredEvent] = []
    with db.engine.connect() as connection:
        for metadata in db.metadatas:
            owner = metadata.info["owner"]
            table = metadata.tables.get(outbox_table_name(owner))
            if table is None:
                continue
            query = select(table).where(table.c.event_type.in_(event_types)).order_by(table.c.occurred_at).limit(limit)
            for row in connection.execute(query).mappings():
                events.append(StoredEvent(row["id"], owner, row["event_type"], row["payload"], row["occurred_at"]))
    return sorted(events, key=lambda event: event.occurred_at)[:limit]


def find_event(db: Database, event_id: uuid.UUID) -> StoredEvent | None:
    with db.engine.connect() as connection:
        for metadata in db.metadatas:
            owner = metadata.info["owner"]
            table = metadata.tables.get(outbox_table_name(owner))
            if table is None:
                continue
            row = connection.execute(select(table).where(table.c.id == event_id)).mappings().first()
            if row is not None:
                return StoredEvent(row["id"], owner, row["event_type"], row["payload"], row["occurred_at"])
    return None
