"""Delivers stored events to their subscribers, at least once, with each attempt recorded.

A delivery is claimed by inserting (or moving) its row to `processing` in its own
transaction, so two dispatchers never hand the same event to the same subscriber at
once; a claim older than the lease is taken over (its dispatcher died). Subscribers are
idempotent by event id, so a redelivery after a crash changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.orchestration.api.dtos import DeliveryState, DispatchReport, EventRecord
from aicmo.orchestration.internal.events.models import EventDeliveryRow
from aicmo.platform.db import Database
from aicmo.platform.events import StoredEvent, find_event, read_events

OWNER = "orchestration"
MAX_ATTEMPTS = 3
LEASE = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Subscription:
    event_type: str
    subscriber: str
    """A stable name, e.g. 'onboarding.open_intake': the key of its delivery records."""
    handle: Callable[[dict], None]


class EventDispatcher:
    def __init__(self, db: Database, clock: Clock, subscriptions: list[Subscription]) -> None:
        self._db = db
        self._clock = clock
        self._subscriptions = subscriptions

    def dispatch(self, limit: int = 200) -> DispatchReport:
        completed = failed = 0
        done = self._completed()
        events = read_events(self._db, {s.event_type for s in self._subscriptions}, limit=100_000)
        for event in events:
            for subscription in self._subscriptions:
                if completed + failed >= limit:
                    return DispatchReport(completed=completed, failed=failed)
                if subscription.event_type != event.event_type or (event.event_id, subscription.subscriber) in done:
                    continue
                if not self._claim(event, subscription.subscriber):
                    continue
                try:
                    subscription.handle(event.payload)
                except Exception as error:  # noqa: BLE001 - a subscriber's failure is recorded, not raised
                    self._settle(event.event_id, subscription.subscriber, DeliveryState.FAILED, f"{type(error).__name__}: {error}")
                    failed += 1
                else:
                    self._settle(event.event_id, subscription.subscriber, DeliveryState.COMPLETED, None)
                    completed += 1
        return DispatchReport(completed=completed, failed=failed)

    def _completed(self) -> set[tuple[uuid.UUID, str]]:
        with self._db.session_for(OWNER) as session:
            rows = session.execute(
                select(EventDeliveryRow.event_id, EventDeliveryRow.subscriber).where(EventDeliveryRow.status == DeliveryState.COMPLETED)
            )
            return {(event_id, subscriber) for event_id, subscriber in rows}

    def _claim(self, event: StoredEvent, subscriber: str) -> bool:
        now = self._clock.now()
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
                        updated_at=now,
                    )
                )
            return True
        except IntegrityError:
            pass
        retryable = or_(
            EventDeliveryRow.status == DeliveryState.RESUBMITTED,
            (EventDeliveryRow.status == DeliveryState.FAILED) & (EventDeliveryRow.attempts < MAX_ATTEMPTS),
            (EventDeliveryRow.status == DeliveryState.PROCESSING) & (EventDeliveryRow.updated_at < now - LEASE),
        )
        with self._db.session_for(OWNER) as session:
            claimed = session.execute(
                update(EventDeliveryRow)
                .where(EventDeliveryRow.event_id == event.event_id, EventDeliveryRow.subscriber == subscriber, retryable)
                .values(status=DeliveryState.PROCESSING, attempts=EventDeliveryRow.attempts + 1, updated_at=now)
            )
            return claimed.rowcount == 1

    def _settle(self, event_id: uuid.UUID, subscriber: str, state: DeliveryState, error: str | None) -> None:
        with self._db.session_for(OWNER) as session:
            session.execute(
                update(EventDeliveryRow)
                .where(EventDeliveryRow.event_id == event_id, EventDeliveryRow.subscriber == subscriber)
                .values(status=state, last_error=error, updated_at=self._clock.now())
            )

    def events(self, *, failed_only: bool = False, limit: int = 200) -> list[EventRecord]:
        stored = read_events(self._db, {s.event_type for s in self._subscriptions}, limit=100_000)
        with self._db.session_for(OWNER) as session:
            rows = {(r.event_id, r.subscriber): r for r in session.scalars(select(EventDeliveryRow))}
        records = [
            _record(event, subscription.subscriber, rows.get((event.event_id, subscription.subscriber)))
            for event in stored
            for subscription in self._subscriptions
            if subscription.event_type == event.event_type
        ]
        if failed_only:
            records = [r for r in records if r.state == DeliveryState.FAILED]
        return sorted(records, key=lambda r: r.occurred_at, reverse=True)[:limit]

    def resubmit(self, event_id: uuid.UUID) -> list[EventRecord]:
        event = find_event(self._db, event_id)
        if event is None:
            raise NotFound(f"no event {event_id}: list them with `aicmo events`")
        with self._db.session_for(OWNER) as session:
            moved = session.execute(
                update(EventDeliveryRow)
                .where(EventDeliveryRow.event_id == event_id, EventDeliveryRow.status == DeliveryState.FAILED)
                .values(status=DeliveryState.RESUBMITTED, updated_at=self._clock.now())
            )
        if moved.rowcount == 0:
            raise Conflict(f"event {event_id} has no failed delivery to resubmit")
        return [r for r in self.events(limit=100_000) if r.event_id == event_id]


def _record(event: StoredEvent, subscriber: str, row: EventDeliveryRow | None) -> EventRecord:
    return EventRecord(
        event_id=event.event_id,
        source=event.source,
        event_type=event.event_type,
        occurred_at=event.occurred_at,
        subscriber=subscriber,
        state=DeliveryState(row.status) if row else DeliveryState.PUBLISHED,
        attempts=row.attempts if row else 0,
        last_error=row.last_error if row else None,
    )
