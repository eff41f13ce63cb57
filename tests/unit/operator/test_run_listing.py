"""`aicmo runs` in an 80-column terminal: ids, states and start times whole, never cut."""

import datetime as dt

from rich.console import Console

from aicmo.operator.cli.run_listing import run_listing
from aicmo.orchestration.api import RunId, RunState, RunSummary
from tests.unit.app import START


def run(client: str, state: RunState, step: str | None, took: dt.timedelta | None, error: str | None = None):
    return RunSummary(
        run_id=RunId.new(),
        workflow="client_to_delivery",
        client_name=client,
        state=state,
        current_step=step,
        started_at=START,
        updated_at=START,
        finished_at=None if took is None else START + took,
        error=error,
        folder="/tmp/out",
        package_id=None,
        qc_score=None,
    )


def printed(runs: list[RunSummary], width: int = 80) -> str:
    console = Console(width=width, record=True, highlight=False)
    console.print(run_listing(runs, {r.run_id: str(r.run_id)[:8] for r in runs}))
    return console.export_text()


def test_at_80_columns_every_id_state_and_start_time_is_whole():
    runs = [
        run("Northwind Roasters", RunState.AWAITING_APPROVAL, "await_approval", None),
        run("Padaria São Bento", RunState.RUNNING, "generate_pack", None),
        run("Ledgerly", RunState.DELIVERED, "finish_run", dt.timedelta(seconds=41)),
    ]

    shown = printed(runs)

    assert max(len(line) for line in shown.splitlines()) <= 80
    for listed in runs:
        assert str(listed.run_id)[:8] in shown and str(listed.state) in shown
    assert shown.count("2027-01-11 09:00") == 3 and "…" not in shown
    assert "generate_pack" in shown and "\\n" not in shown, "a run under way shows its step on a line of its own"
    assert "await_approval" not in shown and "41 s" in shown
    assert "error" not in shown


def test_the_error_column_appears_when_a_run_failed():
    shown = printed([run("Ledgerly", RunState.FAILED, "deliver_package", dt.timedelta(minutes=5), "SMTP refused")])

    assert "error" in shown and "SMTP refused" in shown and "5 min" in shown
