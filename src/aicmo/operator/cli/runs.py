"""`aicmo runs` and `aicmo approve`."""

from __future__ import annotations

import json

from rich.table import Table

from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, out, parse_id, user_errors
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
        home = app.settings.home.resolve()
    if as_json:
        print(json.dumps([run.model_dump(mode="json") for run in runs], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not runs:
        out.print(f"no runs yet in {home}: start one with `aicmo run examples/briefs/northwind.yaml --auto-approve`", markup=False)
        return EXIT_OK
    table = Table("id", "client", "state", "step", "started", "finished", "error")
    for run in runs:
        table.add_row(str(run.run_id), run.client_name, run.state, run.current_step or "—", *_when(run), run.error or "")
    out.print(table)
    return EXIT_OK


def _run_id(text: str) -> RunId:
    return parse_id(RunId, text, "`aicmo runs`")


def _outcome(summary: RunSummary) -> int:
    out.print(f"run {summary.run_id} — {summary.client_name}: [bold]{summary.state}[/bold]")
    if summary.state == RunState.AWAITING_APPROVAL:
        if summary.error:
            out.print(summary.error, markup=False)
        out.print(f"waiting again: aicmo approve {summary.run_id}  or  aicmo reject {summary.run_id} --comment …", markup=False)
        return EXIT_OK
    if summary.state == RunState.DELIVERED:
        out.print(f"deliverables: {summary.folder}", markup=False)
        return EXIT_OK
    out.print(f"the run did not deliver: {summary.error}", markup=False)
    return EXIT_FAILED


@user_errors
def approve_run(run_text: str, comment: str | None) -> int:
    run_id = _run_id(run_text)
    with bootstrap() as app:
        summary = app.workflows.approve(run_id, comment)
    return _outcome(summary)


@user_errors
def reject_run(run_text: str, comment: str, items: list[str] | None = None) -> int:
    run_id = _run_id(run_text)
    with bootstrap() as app:
        summary = app.workflows.reject(run_id, comment, items)
    return _outcome(summary)


@user_errors
def resume_runs() -> int:
    with bootstrap(serve_run_queue=True) as app:
        resumed = app.workflows.resume()
    if not resumed:
        out.print("nothing to resume: every run has finished or waits for approval", markup=False)
    for summary in resumed:
        _outcome(summary)
    return EXIT_FAILED if any(s.state.finished and s.state != RunState.DELIVERED for s in resumed) else EXIT_OK


@user_errors
def show_run(run_text: str, *, as_json: bool) -> int:
    run_id = _run_id(run_text)
    with bootstrap(launch_durable=False) as app:
        summary = app.workflows.get_run(run_id)
        steps = app.workflows.steps(run_id)
        events = app.workflows.events_of(run_id)
        calls = app.model_usage.calls(str(run_id))
    if as_json:
        document = {
            "run": summary.model_dump(mode="json"),
            "steps": [s.model_dump(mode="json") for s in steps],
            "events": [e.model_dump(mode="json") for e in events],
            "model_calls": [c.model_dump(mode="json") for c in calls],
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return EXIT_OK
    started, finished = _when(summary)
    out.print(f"run {summary.run_id} — {summary.client_name}: [bold]{summary.state}[/bold] (started {started}, finished {finished})")
    if summary.error:
        out.print(f"error: {summary.error}", markup=False)
    table = Table("#", "step", "started", "took", "attempts", "result")
    for number, step in enumerate(steps, start=1):
        took = f"{(step.finished_at - step.started_at).total_seconds() * 1000:.0f} ms" if step.started_at and step.finished_at else "—"
        when = step.started_at.strftime("%H:%M:%S") if step.started_at else "—"
        table.add_row(str(number), step.name, when, took, str(step.attempts), step.error or "ok")
    out.print(table)
    for event in events:
        out.print(f"event {event.occurred_at:%H:%M:%S} {event.event_type} ({event.source})", markup=False)
    if calls:
        tokens = sum(c.input_tokens + c.cache_read_tokens + c.cache_write_tokens for c in calls), sum(c.output_tokens for c in calls)
        models = ", ".join(sorted({f"{c.provider}:{c.model}" for c in calls}))
        out.print(
            f"model calls: {len(calls)} ({models}), {tokens[0]:,} tokens in, {tokens[1]:,} out, {sum(c.cost_usd for c in calls):.4f} USD",
            markup=False,
        )
    return EXIT_OK
