"""A dispatch cycle reads only what is new: events delivered long ago are not read again,
an event committed late is not skipped, and a delivery a dispatcher died holding is
taken over once its lease has passed."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

import pytest
from sqlalchemy import event, text

from aicmo.cam.api import ClientSigned
from aicmo.cam.internal.models import CamOutbox
from aicmo.kernel.clock import FixedClock, SystemClock, utc_now
from aicmo.orchestration.api import DeliveryState
from aicmo.orchestration.composition import open_database
from aicmo.orchestration.internal.events.deliveries import LEASE
from aicmo.orchestration.internal.events.dispatcher import EventDispatcher
from aicmo.orchestration.internal.events.subscription import Subscription
from aicmo.platform.events import outbox_entry
from aicmo.platform.settings import Settings
from tests.events_history import delivered_history, signed

HISTORY = 100_000
WAITING_FOR_A_TURN = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)


@pytest.fixture
def db(settings):
    database = open_database(settings)
    yield database
    database.dispose()


def publish(db, *events: ClientSigned) -> None:
    """As CAM publishes: the outbox rows commit in a CAM transaction."""
    with db.session_for("cam") as session:
        session.add_all(outbox_entry(CamOutbox, e) for e in events)


def crm_sync(db, handler, clock=None) -> EventDispatcher:
    """A dispatcher with one subscriber to ClientSigned, the one `delivered_history` writes deliveries for."""
    return EventDispatcher(db, clock or SystemClock(), [Subscription(ClientSigned, "crm.sync", handler)])


class Recorder:
    def __init__(self) -> None:
        self.companies: list[str] = []

    def __call__(self, signed: ClientSigned) -> None:
        self.companies.append(signed.company)


class RowsRead:
    """Counts the rows the SELECTs run inside the block return (run again afterwards: the block writes nothing)."""

    def __init__(self, db) -> None:
        self._db = db
        self._selects: list[tuple[str, object]] = []
        self.total = 0

    def _capture(self, _conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self._selects.append((statement, parameters))

    def __enter__(self) -> RowsRead:
        event.listen(self._db.engine, "before_cursor_execute", self._capture)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self._db.engine, "before_cursor_execute", self._capture)
        with self._db.engine.connect() as connection:
            self.total = sum(len(connection.exec_driver_sql(s, p).fetchall()) for s, p in self._selects)


@pytest.mark.slow
def test_a_cycle_after_100000_completed_events_reads_none_of_them(db):
    delivered_history(db, HISTORY)
    publish(db, signed("Acme Coffee"))
    recorder = Recorder()
    bus = crm_sync(db, recorder)

    catching_up = bus.dispatch()
    with RowsRead(db) as idle:
        nothing_new = bus.dispatch()
    publish(db, signed("Widgets"))
    new = bus.dispatch()

    assert (catching_up.completed, nothing_new.completed, new.completed) == (1, 0, 1)
    assert recorder.companies == ["Acme Coffee", "Widgets"]
    assert idle.total == 1, "the subscription's cursor, and no event"


def test_an_event_committed_late_with_an_earlier_time_is_still_delivered(db):
    recorder = Recorder()
    bus = crm_sync(db, recorder)
    publish(db, signed("Acme Coffee"))
    first = bus.dispatch()
    publish(db, signed("Widgets", occurred_at=utc_now() - dt.timedelta(hours=1)))
    late = bus.dispatch()

    assert (first.completed, late.completed) == (1, 1)
    assert recorder.companies == ["Acme Coffee", "Widgets"]


@pytest.mark.postgres
def test_an_event_whose_transaction_commits_after_a_later_one_started_is_not_skipped(postgres_url, tmp_path):
    db = open_database(Settings(home=tmp_path / "home", database_url=postgres_url))
    recorder = Recorder()
    bus = crm_sync(db, recorder)
    second_writer = threading.Thread(target=publish, args=(db, signed("Widgets")))
    try:
        with db.session_for("cam") as session:
            session.add(outbox_entry(CamOutbox, signed("Acme Coffee")))
            session.flush()
            second_writer.start()
            wait_until_a_writer_waits_for_its_turn(db)
            while_first_is_open = bus.dispatch()
        second_writer.join()
        after_both = bus.dispatch()
    finally:
        db.dispose()

    assert while_first_is_open.completed == 0
    assert after_both.completed == 2 and recorder.companies == ["Acme Coffee", "Widgets"]


def wait_until_a_writer_waits_for_its_turn(db, deadline_seconds: float = 30) -> None:
    deadline = time.monotonic() + deadline_seconds
    with db.engine.connect() as connection:
        while not connection.scalar(WAITING_FOR_A_TURN):
            assert time.monotonic() < deadline, "the second writer never waited for its turn"
            time.sleep(0.05)


class DispatcherDied(BaseException):
    """Ends a delivery the way a killed process does: no failure is recorded."""


def test_a_delivery_whose_dispatcher_died_is_taken_over_only_after_its_lease(db):
    clock = FixedClock(utc_now())
    recorder = Recorder()

    def dies(_signed: ClientSigned) -> None:
        raise DispatcherDied

    publish(db, signed("Acme Coffee"))
    with pytest.raises(DispatcherDied):
        crm_sync(db, dies, clock).dispatch()
    survivor = crm_sync(db, recorder, clock)
    within_lease = survivor.dispatch()
    clock.advance(LEASE + dt.timedelta(seconds=1))
    after_lease = survivor.dispatch()
    [record] = survivor.events()

    assert (within_lease.completed, after_lease.completed) == (0, 1)
    assert recorder.companies == ["Acme Coffee"]
    assert (record.state, record.attempts) == (DeliveryState.COMPLETED, 2)


def test_a_payload_that_no_longer_fits_its_event_class_is_a_failed_delivery(db):
    with db.session_for("cam") as session:
        old_shape = {"id": uuid.uuid4(), "position": 1, "payload": {"company": "Acme"}, "occurred_at": utc_now()}
        session.add(CamOutbox(event_type="ClientSigned", **old_shape))
    bus = crm_sync(db, Recorder())

    report = bus.dispatch()
    [failed] = bus.events(failed_only=True)

    assert (report.completed, report.failed) == (0, 1)
    assert failed.last_error.startswith("ValidationError:") and "lead_id" in failed.last_error
