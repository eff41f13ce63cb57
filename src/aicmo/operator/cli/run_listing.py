"""The table `aicmo runs` prints: whole at 80 columns, so nothing an operator copies is cut.

A run still under way shows its step under its state; a finished one shows how long it
took. Times are to the minute, and the error column appears only when a run has one.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from aicmo.operator.cli.console import table, text
from aicmo.orchestration.api import RunId, RunState, RunSummary


def _state(run: RunSummary) -> Text:
    under_way = run.current_step and not run.state.finished and run.state != RunState.AWAITING_APPROVAL
    return Text.assemble(text(run.state), "\n", text(run.current_step)) if under_way else text(run.state)


def _took(run: RunSummary) -> str:
    if run.finished_at is None:
        return "—"
    seconds = round((run.finished_at - run.started_at).total_seconds())
    return f"{seconds} s" if seconds < 120 else f"{seconds // 60} min"


def run_listing(runs: list[RunSummary], short: dict[RunId, str]) -> Table:
    with_errors = any(run.error for run in runs)
    rows = [
        (
            short[run.run_id],
            run.client_name,
            _state(run),
            run.started_at.strftime("%Y-%m-%d %H:%M"),
            _took(run),
            *((run.error or "",) if with_errors else ()),
        )
        for run in runs
    ]
    listing = table("id", "client", "state", "started", "took", *(("error",) if with_errors else ()), rows=rows)
    for column in listing.columns[:5]:
        column.no_wrap = column.header != "client"
    listing.columns[0].min_width = max(len(prefix) for prefix in short.values())
    return listing
