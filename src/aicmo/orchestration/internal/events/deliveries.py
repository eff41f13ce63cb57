"""The delivery log: one row per event and subscriber, moved through its states.

A delivery is claimed by inserting (or moving) its row to `processing` in its own
transaction, so two dispatchers never hand the same event to the same subscriber at
once; a claim older than the lease is taken over (its dispatcher died). A cycle asks
this log only for the rows that still need work, through the index on `status`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from aicmo.kernel.clock import Clock
from aicmo.orchestration.api.dtos import DeliveryState
from aicmo.orchestration.internal.events.models import EventDeliveryRow
from aicmo.orchestration.internal.models import OWNER
from aicmo.platform.db import Database
from aicmo.platform.events import StoredEvent

MAX_ATTEMPTS = 3
LEASE = dt.timedelta(minutes=5)


class DeliveryLog:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def claim(self, event: StoredEvent, subscriber: str) -> bool:
        """Take a new event for `subscriber`; False when another dispatcher already has."""
        try:
            with self._db.session_for(OWNER) as session:
                session.add(
                    EventDeliveryRow(
                        id=uuid.uuid4(),
                        event_id=event.event_id,
                        source=event.source,
                        event_type=event.event_type,
                        subscriber=subscriber,
                        status=DeliveryState.PROCESSING,
                        attempts=1,
                        occurred_at=event.occurred_at,
                        updated_at=self._clock.now(),
                    )
                )
            return True
        except IntegrityError:
            return False

    def reclaim(self, event_id: uuid.UUID, subscriber: str) -> bool:
        """Take a delivery that is due again; False when it no longer is (another dispatcher took it)."""
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            claimed = session.execute(
                update(EventDeliveryRow)
                .where(EventDeliveryRow.event_id == event_id, EventDeliveryRow.subscriber == subscriber, _due(now))
                .values(status=DeliveryState.PROCESSING, attempts=EventDeliveryRow.attempts + 1, updated_at=now)
            )
            return claimed.rowcount == 1

    def settle(self, event_id: uuid.UUID, subscriber: str, state: DeliveryState, error: str | None) -> None:
        with self._db.session_for(OWNER) as session:
            session.execute(
                update(EventDeliveryRow)
                .where(EventDeliveryRow.event_id == event_id, EventDeliveryRow.subscriber == subscriber)
                .values(status=state, last_error=error, updated_at=self._clock.now())
            )

    def taken(self, subscriber: str, event_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these events already have a delivery row for `subscriber`."""
        with self._db.session_for(OWNER) as session:
            return set(
                session.scalars(
                    select(EventDeliveryRow.event_id).where(
                        EventDeliveryRow.subscriber == subscriber, EventDeliveryRow.event_id.in_(event_ids)
                    )
                )
            )

    def due(self, subscribers: Collection[str], *, limit: int) -> list[EventDeliveryRow]:
        """Deliveries to run again: resubmitted, failed with tries left, or claimed by a dispatcher past its lease."""
        with self._db.session_for(OWNER) as session:
            return list(
                session.scalars(
                    select(EventDeliveryRow)
                    .where(EventDeliveryRow.subscriber.in_(subscribers), _due(self._clock.now()))
                    .order_by(EventDeliveryRow.occurred_at)
                    .limit(limit)
                )
            )

    def of_events(self, event_ids: Collection[uuid.UUID]) -> dict[tuple[uuid.UUID, str], EventDeliveryRow]:
        with self._db.session_for(OWNER) as session:
            rows = session.scalars(select(EventDeliveryRow).where(EventDeliveryRow.event_id.in_(event_ids)))
            return {(row.event_id, row.subscriber): row for row in rows}

    def failed(self, subscribers: Collection[str], *, limit: int) -> list[EventDeliveryRow]:
        with self._db.session_for(OWNER) as session:
            return list(
                session.scalars(
                    select(EventDeliveryRow)
                    .where(EventDeliveryRow.subscriber.in_(subscribers))
                    .where(EventDeliveryRow.status == DeliveryState.FAILED)
                    .order_by(EventDeliveryRow.occurred_at.desc())
                    .limit(limit)
                )
            )

    def resubmit(self, event_id: uuid.UUID) -> bool:
        """Move the event's failed deliveries back in line; False when none had failed."""
        with self._db.session_for(OWNER) as session:
            moved = session.execute(
                update(EventDeliveryRow)
                .where(EventDeliveryRow.event_id == event_id, EventDeliveryRow.status == DeliveryState.FAILED)
                .values(status=DeliveryState.RESUBMITTED, updated_at=self._clock.now())
            )
            return moved.rowcount > 0


def _due(now: dt.datetime) -> ColumnElement[bool]:
    return or_(
        EventDeliveryRow.status == DeliveryState.RESUBMITTED,
        (EventDeliveryRow.status == DeliveryState.FAILED) & (EventDeliveryRow.attempts < MAX_ATTEMPTS),
        (EventDeliveryRow.status == DeliveryState.PROCESSING) & (EventDeliveryRow.updated_at < now - LEASE),
    )
