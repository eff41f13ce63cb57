"""`aicmo runs`, `aicmo runs show|preview`, `aicmo approve|reject|resume`.

A run is named by its id or any unique prefix of it, as `aicmo runs` prints them."""

from __future__ import annotations

from aicmo.kernel.text import refuse_long_comment
from aicmo.operator.cli.accounts import command_line_actor
from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, human_size, out, print_json, say, table, user_errors
from aicmo.operator.cli.run_listing import run_listing
from aicmo.orchestration.api import RunId, RunState, RunSummary
from aicmo.orchestration.composition import Application, bootstrap
from aicmo.qc.api import QcRunId


def _when(summary: RunSummary) -> tuple[str, str]:
    started = summary.started_at.strftime("%Y-%m-%d %H:%M:%S")
    finished = summary.finished_at.strftime("%Y-%m-%d %H:%M:%S") if summary.finished_at else "—"
    return started, finished


@user_errors
def list_runs(*, as_json: bool, limit: int) -> int:
    with bootstrap(launch_durable=False) as app:
        runs = app.workflows.list_runs(limit)
        home = app.settings.home.resolve()
        short = app.workflows.short_ids([run.run_id for run in runs])
    if as_json:
        print_json([run.model_dump(mode="json") for run in runs])
        return EXIT_OK
    if not runs:
        out.print(
            f"no runs yet in {home}: start one with `aicmo run examples/briefs/northwind.yaml --auto-approve`",
            markup=False,
        )
        return EXIT_OK
    listing = run_listing(runs, short)
    out.print(listing)
    return EXIT_OK


def resolve_run(typed: str) -> RunId:
    """The run an operator named by its id or a unique prefix of it."""
    with bootstrap(launch_durable=False) as app:
        return app.workflows.resolve(typed)


def print_preview(app: Application, run_id: RunId) -> None:
    """Render what an approval would deliver and say where it is."""
    for artifact in app.workflows.preview(run_id):
        say("  preview {} ({}): {}", artifact.name, human_size(artifact.size), artifact.path)


def qc_hold(app: Application, summary: RunSummary) -> str | None:
    """While a run waits with a pack its current QC report does not pass: why, and the commands that clear it."""
    if summary.state != RunState.AWAITING_APPROVAL or summary.qc_run_id is None:
        return None
    report = app.qc.get(QcRunId.parse(summary.qc_run_id))
    if report.passed:
        return None
    return (
        f"QC score {report.score}, {report.verdict()}: `aicmo qc report {str(summary.run_id)[:8]}` lists the findings,"
        " `aicmo qc waive FINDING --reason …` waives one; then approve, or reject to revise"
    )


def print_waiting(app: Application, summary: RunSummary) -> None:
    """What a run waiting for approval says: its note, why QC holds it, and the preview to read."""
    if summary.note:
        say("{}", summary.note)
    if hold := qc_hold(app, summary):
        say("{}", hold)
    print_preview(app, summary.run_id)


def _outcome(app: Application, summary: RunSummary) -> int:
    say("run {} — {}: [bold]{}[/bold]", summary.run_id, summary.client_name, summary.state)
    if summary.state == RunState.AWAITING_APPROVAL:
        print_waiting(app, summary)
        say("waiting again: aicmo approve {}  or  aicmo reject {} --comment …", summary.run_id, summary.run_id)
        return EXIT_OK
    if summary.state == RunState.DELIVERED:
        say("deliverables: {}", summary.folder)
        return EXIT_OK
    say("the run did not deliver: {}", summary.error)
    return EXIT_FAILED


@user_errors
def approve_run(typed: str, comment: str | None) -> int:
    refuse_long_comment("--comment", comment)
    run_id = resolve_run(typed)
    with bootstrap() as app:
        summary = app.workflows.approve(run_id, comment)
        app.audit.record(command_line_actor(), "run.approve", str(run_id), comment)
        return _outcome(app, summary)


@user_errors
def reject_run(typed: str, comment: str, items: list[str] | None = None) -> int:
    refuse_long_comment("--comment", comment.strip())
    run_id = resolve_run(typed)
    with bootstrap() as app:
        summary = app.workflows.reject(run_id, comment, items)
        app.audit.record(command_line_actor(), "run.request-changes", str(run_id), comment)
        return _outcome(app, summary)


@user_errors
def resume_runs() -> int:
    with bootstrap(serve_run_queue=True) as app:
        resumed = app.workflows.resume()
        if not resumed:
            out.print("nothing to resume: every run has finished or waits for approval", markup=False)
        for summary in resumed:
            _outcome(app, summary)
    return EXIT_FAILED if any(s.state.finished and s.state != RunState.DELIVERED for s in resumed) else EXIT_OK


@user_errors
def preview_run(typed: str) -> int:
    with bootstrap(launch_durable=False) as app:
        run_id = app.workflows.resolve(typed)
        summary = app.workflows.get_run(run_id)
        say("run {} — {}: [bold]{}[/bold]", run_id, summary.client_name, summary.state)
        print_preview(app, run_id)
    return EXIT_OK


@user_errors
def show_run(typed: str, *, as_json: bool) -> int:
    with bootstrap(launch_durable=False) as app:
        run_id = app.workflows.resolve(typed)
        summary = app.workflows.get_run(run_id)
        steps = app.workflows.steps(run_id)
        events = app.workflows.events_of(run_id)
        calls = app.model_usage.calls(str(run_id))
        hold = qc_hold(app, summary)
    if as_json:
        print_json(
            {
                "run": summary.model_dump(mode="json"),
                "steps": [s.model_dump(mode="json") for s in steps],
                "events": [e.model_dump(mode="json") for e in events],
                "model_calls": [c.model_dump(mode="json") for c in calls],
            }
        )
        return EXIT_OK
    started, finished = _when(summary)
    say(
        "run {} — {}: [bold]{}[/bold] (started {}, finished {})",
        summary.run_id,
        summary.client_name,
        summary.state,
        started,
        finished,
    )
    if summary.note:
        say("note: {}", summary.note)
    if hold:
        say("{}", hold)
    if summary.error:
        say("error: {}", summary.error)
    rows = []
    for number, step in enumerate(steps, start=1):
        took = (
            f"{(step.finished_at - step.started_at).total_seconds() * 1000:.0f} ms"
            if step.started_at and step.finished_at
            else "—"
        )
        when = step.started_at.strftime("%H:%M:%S") if step.started_at else "—"
        rows.append((number, step.name, when, took, step.attempts, step.error or "ok"))
    out.print(table("#", "step", "started", "took", "attempts", "result", rows=rows))
    for event in events:
        say("event {} {} ({})", f"{event.occurred_at:%H:%M:%S}", event.event_type, event.source)
    if calls:
        tokens = (
            sum(c.input_tokens + c.cache_read_tokens + c.cache_write_tokens for c in calls),
            sum(c.output_tokens for c in calls),
        )
        models = ", ".join(sorted({f"{c.provider}:{c.model}" for c in calls}))
        say(
            "model calls: {} ({}), {} tokens in, {} out, {} USD",
            len(calls),
            models,
            f"{tokens[0]:,}",
            f"{tokens[1]:,}",
            f"{sum(c.cost_usd for c in calls):.4f}",
        )
    return EXIT_OK
