"""Reading every module's outbox (reads only: each module alone writes its own)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from sqlalchemy import RowMapping, Table, select

from aicmo.platform.db import Database
from aicmo.platform.events.outbox import outbox_table_name


@dataclass(frozen=True)
class StoredEvent:
    event_id: uuid.UUID
    source: str
    """The module whose outbox holds it."""
    position: int
    """Its place in that outbox: rows commit in the order of their positions."""
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
    return StoredEvent(row["id"], owner, row["position"], row["event_type"], row["payload"], row["occurred_at"])


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


def read_after(db: Database, event_type: str, positions: Mapping[str, int], *, limit: int) -> list[StoredEvent]:
    """Up to `limit` events of one type from each outbox, after the position given for it
    (0 when none is), in the order they were committed there."""
    with db.engine.connect() as connection:
        return [
            _event(owner, row)
            for owner, table in _outboxes(db)
            for row in connection.execute(
                select(table)
                .where(table.c.event_type == event_type, table.c.position > positions.get(owner, 0))
                .order_by(table.c.position)
                .limit(limit)
            ).mappings()
        ]


def latest_events(db: Database, event_types: set[str], *, limit: int) -> list[StoredEvent]:
    """The `limit` most recently committed events of the given types, newest first."""
    with db.engine.connect() as connection:
        events = [
            _event(owner, row)
            for owner, table in _outboxes(db)
            for row in connection.execute(
                select(table).where(table.c.event_type.in_(event_types)).order_by(table.c.position.desc()).limit(limit)
            ).mappings()
        ]
    return sorted(events, key=lambda event: event.occurred_at, reverse=True)[:limit]


def find_event(db: Database, event_id: uuid.UUID, *, source: str | None = None) -> StoredEvent | None:
    """The event with this id, looked up in `source`'s outbox when given, else in every outbox."""
    with db.engine.connect() as connection:
        for owner, table in _outboxes(db):
            if source not in (None, owner):
                continue
            row = connection.execute(select(table).where(table.c.id == event_id)).mappings().first()
            if row is not None:
                return _event(owner, row)
    return None
