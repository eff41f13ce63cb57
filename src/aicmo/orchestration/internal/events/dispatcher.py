"""Delivers stored events to their subscribers, at least once, with each attempt recorded.

A cycle does two small things, whatever the history: it runs the deliveries that are due
again (the delivery log's index on `status` finds them), and it reads each outbox after
the subscription's cursor. Events already completed are never read again. Subscribers
are idempotent by event id, so a redelivery after a crash changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.orchestration.api.dtos import DeliveryState, DispatchReport, EventRecord
from aicmo.orchestration.internal.events.cursors import Cursors
from aicmo.orchestration.internal.events.deliveries import DeliveryLog
from aicmo.orchestration.internal.events.models import EventDeliveryRow
from aicmo.orchestration.internal.events.subscription import Subscription
from aicmo.platform.db import Database
from aicmo.platform.events import StoredEvent, find_event, latest_events, read_after

READ_BATCH = 500
"""Events read from an outbox at a time; a cycle reads on while it finds only events already taken."""


@dataclass
class _Tally:
    limit: int
    completed: int = 0
    failed: int = 0

    @property
    def left(self) -> int:
        return self.limit - self.completed - self.failed

    def report(self) -> DispatchReport:
        return DispatchReport(completed=self.completed, failed=self.failed)


class EventDispatcher:
    def __init__(self, db: Database, clock: Clock, subscriptions: Sequence[Subscription]) -> None:
        names = [s.subscriber for s in subscriptions]
        if len(set(names)) != len(names):
            raise ValueError(f"subscriber names must be unique: {sorted(names)}")
        self._db = db
        self._subscriptions = {s.subscriber: s for s in subscriptions}
        self._log = DeliveryLog(db, clock)
        self._cursors = Cursors(db)

    def dispatch(self, limit: int = 200) -> DispatchReport:
        tally = _Tally(limit)
        self._retry(tally)
        for subscription in self._subscriptions.values():
            self._deliver_new(subscription, tally)
        return tally.report()

    def _retry(self, tally: _Tally) -> None:
        for row in self._log.due(self._subscriptions.keys(), limit=tally.left):
            event = find_event(self._db, row.event_id, source=row.source)
            if event is not None and self._log.reclaim(row.event_id, row.subscriber):
                self._deliver(self._subscriptions[row.subscriber], event, tally)

    def _deliver_new(self, subscription: Subscription, tally: _Tally) -> None:
        positions = self._cursors.positions(subscription)
        while tally.left > 0:
            events = read_after(self._db, subscription.event_type, positions, limit=max(tally.left, READ_BATCH))
            if not events:
                return
            taken = self._log.taken(subscription.subscriber, [e.event_id for e in events])
            read: dict[str, int] = {}
            for event in events:
                if tally.left <= 0:
                    break
                if event.event_id not in taken and self._log.claim(event, subscription.subscriber):
                    self._deliver(subscription, event, tally)
                read[event.source] = event.position
            self._cursors.advance(subscription, read)
            positions.update(read)

    def _deliver(self, subscription: Subscription, event: StoredEvent, tally: _Tally) -> None:
        try:
            subscription.deliver(event.payload)
        except Exception as error:  # noqa: BLE001 - a subscriber's failure is recorded, not raised
            reason = f"{type(error).__name__}: {error}"
            self._log.settle(event.event_id, subscription.subscriber, DeliveryState.FAILED, reason)
            tally.failed += 1
        else:
            self._log.settle(event.event_id, subscription.subscriber, DeliveryState.COMPLETED, None)
            tally.completed += 1

    def events(self, *, failed_only: bool = False, limit: int = 200) -> list[EventRecord]:
        if failed_only:
            return [_record_of(row) for row in self._log.failed(self._subscriptions.keys(), limit=limit)]
        types = {s.event_type for s in self._subscriptions.values()}
        return self._records(latest_events(self._db, types, limit=limit))[:limit]

    def resubmit(self, event_id: uuid.UUID) -> list[EventRecord]:
        event = find_event(self._db, event_id)
        if event is None:
            raise NotFound(f"no event {event_id}: list them with `aicmo events`")
        if not self._log.resubmit(event_id):
            raise Conflict(f"event {event_id} has no failed delivery to resubmit")
        return self._records([event])

    def _records(self, events: list[StoredEvent]) -> list[EventRecord]:
        """Each event with its state for every subscriber of its type, newest first."""
        rows = self._log.of_events([e.event_id for e in events])
        records = [
            _record(event, subscription.subscriber, rows.get((event.event_id, subscription.subscriber)))
            for event in events
            for subscription in self._subscriptions.values()
            if subscription.event_type == event.event_type
        ]
        return sorted(records, key=lambda r: r.occurred_at, reverse=True)


def _record(event: StoredEvent, subscriber: str, row: EventDeliveryRow | None) -> EventRecord:
    if row is not None:
        return _record_of(row)
    return EventRecord(
        event_id=event.event_id,
        source=event.source,
        event_type=event.event_type,
        occurred_at=event.occurred_at,
        subscriber=subscriber,
        state=DeliveryState.PUBLISHED,
        attempts=0,
        last_error=None,
    )


def _record_of(row: EventDeliveryRow) -> EventRecord:
    return EventRecord(
        event_id=row.event_id,
        source=row.source,
        event_type=row.event_type,
        occurred_at=row.occurred_at,
        subscriber=row.subscriber,
        state=DeliveryState(row.status),
        attempts=row.attempts,
        last_error=row.last_error,
    )
