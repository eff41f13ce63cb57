"""How far each subscription has read each outbox.

A cursor moves only forward, and only past events that already have a delivery row for
its subscriber, so a dispatcher that dies between the two re-reads a few events and
finds them taken. Outbox positions grow in commit order (see `aicmo.platform.events`),
so an event committed late is still after the cursor, whatever its `occurred_at`.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from aicmo.orchestration.internal.events.models import EventCursorRow
from aicmo.orchestration.internal.events.subscription import Subscription
from aicmo.orchestration.internal.models import OWNER
from aicmo.platform.db import Database


class Cursors:
    def __init__(self, db: Database) -> None:
        self._db = db

    def positions(self, subscription: Subscription) -> dict[str, int]:
        """The last position read, per outbox; an outbox it has never read is absent (read from the start)."""
        with self._db.session_for(OWNER) as session:
            rows = session.execute(select(EventCursorRow.source, EventCursorRow.position).where(*_of(subscription)))
            return {source: position for source, position in rows}

    def advance(self, subscription: Subscription, positions: Mapping[str, int]) -> None:
        for source, position in positions.items():
            if not self._move(subscription, source, position):
                self._start(subscription, source, position)

    def _move(self, subscription: Subscription, source: str, position: int) -> bool:
        with self._db.session_for(OWNER) as session:
            moved = session.execute(
                update(EventCursorRow)
                .where(*_of(subscription), EventCursorRow.source == source, EventCursorRow.position < position)
                .values(position=position)
            )
            return moved.rowcount == 1

    def _start(self, subscription: Subscription, source: str, position: int) -> None:
        """The first cursor of a subscription on an outbox; if another dispatcher made it meanwhile, move that one."""
        try:
            with self._db.session_for(OWNER) as session:
                session.add(
                    EventCursorRow(
                        subscriber=subscription.subscriber,
                        event_type=subscription.event_type,
                        source=source,
                        position=position,
                    )
                )
        except IntegrityError:
            self._move(subscription, source, position)


def _of(subscription: Subscription) -> tuple[ColumnElement[bool], ...]:
    return (EventCursorRow.subscriber == subscription.subscriber, EventCursorRow.event_type == subscription.event_type)
