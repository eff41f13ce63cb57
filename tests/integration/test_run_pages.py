"""Listing runs a page at a time: filters, and a cursor that neither skips nor repeats a run,
even among runs started at the same moment, on SQLite and Postgres; the steps of a run not yet begun."""

import datetime as dt

import pytest

from aicmo.kernel.clock import FixedClock
from aicmo.kernel.errors import InvalidInput, NotFound
from aicmo.orchestration.api import RunId, RunOptions, RunQuery, RunState
from aicmo.orchestration.composition import bootstrap
from tests.briefs import example

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def app(settings):
    clock = FixedClock(START)
    with bootstrap(settings, clock=clock, launch_durable=False) as application:
        brief = example("northwind")
        other = brief.model_copy(update={"brand": brief.brand.model_copy(update={"name": "Other Roasters"})})
        for number in range(7):
            if number % 3 != 2:
                clock.advance(dt.timedelta(seconds=1))
            chosen = other if number % 2 else brief
            application.workflows.start_client_to_delivery(
                chosen, "brief.yaml", settings.home / "deliveries", RunOptions()
            )
        yield application


def all_pages(app, **filters):
    pages, cursor = [], None
    while True:
        page = app.workflows.find_runs(RunQuery(limit=2, cursor=cursor, **filters))
        pages.append(page.runs)
        cursor = page.next_cursor
        if cursor is None:
            return pages


def test_pages_hold_every_run_once_newest_first(app):
    pages = all_pages(app)
    runs = [run for page in pages for run in page]

    assert [len(page) for page in pages] == [2, 2, 2, 1]
    assert len({r.run_id for r in runs}) == 7
    assert [r.started_at for r in runs] == sorted((r.started_at for r in runs), reverse=True)


def test_filters_by_client_and_state(app):
    others = [run for page in all_pages(app, client="Other Roasters") for run in page]

    assert len(others) == 3 and {run.client_name for run in others} == {"Other Roasters"}
    assert app.workflows.find_runs(RunQuery(state=RunState.DELIVERED)).runs == []
    assert len(app.workflows.find_runs(RunQuery(state=RunState.RUNNING, limit=200)).runs) == 7


def test_a_cursor_not_made_by_a_page_is_refused_naming_the_field(app):
    with pytest.raises(InvalidInput) as refused:
        app.workflows.find_runs(RunQuery(cursor="not-a-cursor"))

    assert [problem.field for problem in refused.value.problems] == ["cursor"]


def test_a_queued_run_has_no_steps_yet_and_a_run_that_does_not_exist_is_not_found(app):
    [queued] = app.workflows.list_runs(1)

    assert app.workflows.steps(queued.run_id) == []
    with pytest.raises(NotFound):
        app.workflows.steps(RunId.new())
