"""The unit of work on the database: a change and its events commit together or not at all, in
a session scoped to its module, so the ownership guard (R5) still checks every statement."""

import datetime as dt

import pytest

from aicmo.kernel.errors import OwnershipViolation
from aicmo.orchestration.composition import open_database
from aicmo.platform.db.sql_unit_of_work import SqlUnitOfWork
from aicmo.platform.events import read_events
from aicmo.qc.api import QcPassed, QcRunId
from aicmo.qc.internal.models import QcRunRow
from aicmo.qc.internal.sql_run_repository import SqlQcRunRepository, sql_qc_unit_of_work
from aicmo.strategy.internal.sql_strategy_repository import store_strategy_events


@pytest.fixture
def db(settings):
    db = open_database(settings)
    yield db
    db.dispose()


def new_run() -> QcRunRow:
    return QcRunRow(
        id=QcRunId.new(),
        pack_id=QcRunId.new(),
        score=100,
        scores={},
        thresholds={},
        items=[],
        passed=True,
        created_at=dt.datetime.now(dt.UTC),
    )


def test_a_committed_change_is_stored_with_its_event(db):
    uow = sql_qc_unit_of_work(db)
    run = new_run()

    with uow() as unit:
        unit.repository.add(run, [])
        unit.publish(QcPassed(run_id=run.id, pack_id=run.pack_id, score=100))
        unit.commit()

    with uow() as unit:
        assert unit.repository.run(run.id).score == 100
    assert [event.payload["run_id"] for event in read_events(db, {"QcPassed"})] == [str(run.id)]


def test_a_change_left_uncommitted_or_failing_is_stored_with_no_event(db):
    uow = sql_qc_unit_of_work(db)
    forgotten, failed = new_run(), new_run()

    with uow() as unit:
        unit.repository.add(forgotten, [])
        unit.publish(QcPassed(run_id=forgotten.id, pack_id=forgotten.pack_id, score=100))
    with pytest.raises(RuntimeError), uow() as unit:
        unit.repository.add(failed, [])
        unit.publish(QcPassed(run_id=failed.id, pack_id=failed.pack_id, score=100))
        raise RuntimeError("the use case failed before its commit")

    with uow() as unit:
        assert unit.repository.run(forgotten.id) is None and unit.repository.run(failed.id) is None
    assert read_events(db, {"QcPassed"}) == []


def test_events_stored_in_another_modules_outbox_are_refused_with_the_change(db):
    uow = lambda: SqlUnitOfWork(db, "qc", SqlQcRunRepository, store_strategy_events)  # noqa: E731
    run = new_run()

    with pytest.raises(OwnershipViolation, match="strategy_outbox"), uow() as unit:
        unit.repository.add(run, [])
        unit.publish(QcPassed(run_id=run.id, pack_id=run.pack_id, score=100))
        unit.commit()

    with sql_qc_unit_of_work(db)() as unit:
        assert unit.repository.run(run.id) is None
