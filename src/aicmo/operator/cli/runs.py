"""`aicmo runs` and `aicmo approve`."""

from __future__ import annotations

import json

from rich.table import Table

from aicmo.kernel.errors import InvalidInput
from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, out, user_errors
from aicmo.orchestration.api import RunId, RunState, RunSummary
from aicmo.orchestration.composition import bootstrap


def _when(summary: RunSummary) -> tuple[str, str]:
    started = summary.started_at.strftime("%Y-%m-%d %H:%M:%S")
    finished = summary.finished_at.strftime("%Y-%m-%d %H:%M:%S") if summary.finished_at else "—"
    return started, finished


@user_errors
def list_runs(*, as_json: bool, limit: int) -> int:
    with bootstrap(launch_durable=False) as app:
        runs = app.workflows.list_runs(limit)
    if as_json:
        print(json.dumps([run.model_dump(mode="json") for run in runs], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not runs:
        out.print("no runs yet: start one with `aicmo run examples/briefs/northwind.yaml --auto-approve`", markup=False)
        return EXIT_OK
    table = Table("id", "client", "state", "step", "started", "finished")
    for run in runs:
        table.add_row(str(run.run_id), run.client_name, run.state, run.current_step or "—", *_when(run))
    out.print(table)
    return EXIT_OK


@user_errors
def approve_run(run_text: str, comment: str | None) -> int:
    try:
        run_id = RunId.parse(run_text)
    except ValueError as error:
        raise InvalidInput(f"{error} — copy the id from `aicmo runs`") from None
    with bootstrap() as app:
        summary = app.workflows.approve(run_id, comment)
    out.print(f"run {summary.run_id} — {summary.client_name}: [bold]{summary.state}[/bold]")
    if summary.state == RunState.DELIVERED:
        out.print(f"deliverables: {summary.folder}", markup=False)
        return EXIT_OK
    out.print(f"the run did not deliver: {summary.error}", markup=False)
    return EXIT_FAILED
