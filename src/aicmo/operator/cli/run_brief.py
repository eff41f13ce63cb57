"""`aicmo run BRIEF`: validate, start the workflow, show progress, print the summary."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from aicmo.delivery.api import PackageId
from aicmo.operator.cli.brief_file import read_brief_file
from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, err, human_size, out, user_errors
from aicmo.orchestration.api import RunId, RunState, RunSummary, Workflows
from aicmo.orchestration.composition import Application, bootstrap, brief_parser

_STEP_LABELS = {
    None: "starting",
    "capture_brief": "capturing the brief",
    "generate_strategy": "writing the strategy",
    "generate_pack": "writing the content pack",
    "evaluate_qc": "checking quality",
    "approve_strategy": "recording the approval",
    "build_package": "building the package",
}


@user_errors
def run_brief(path: Path, out_dir: Path | None, *, auto_approve: bool) -> int:
    brief = brief_parser().parse_brief(read_brief_file(path), path.name)
    with bootstrap() as app:
        target = out_dir or app.settings.home / "deliveries"
        run_id = app.workflows.start_client_to_delivery(brief, str(path), target, auto_approve=auto_approve)
        summary = _follow(app.workflows, run_id)
        code = _report(app, summary)
    if summary.state == RunState.AWAITING_APPROVAL:
        exit_leaving_run_parked(code)
    return code


def exit_leaving_run_parked(code: int) -> None:
    """End the process although the run's workflow thread still waits for approval.

    The wait is durable: DBOS has recorded every step, and the next process to launch
    (`aicmo approve`, a worker) resumes the run. Only this thread would keep the
    interpreter from exiting, so the process ends without waiting for it.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _follow(workflows: Workflows, run_id: RunId) -> RunSummary:
    with err.status("starting") as status:
        while True:
            summary = workflows.get_run(run_id)
            if summary.state.finished or summary.state == RunState.AWAITING_APPROVAL:
                return summary
            status.update(f"{summary.client_name}: {_STEP_LABELS.get(summary.current_step, summary.current_step)}…")
            time.sleep(0.05)


def _report(app: Application, summary: RunSummary) -> int:
    out.print(f"run {summary.run_id} — {summary.client_name}: [bold]{summary.state}[/bold]")
    if summary.qc_score is not None:
        out.print(f"QC score: {summary.qc_score}/100")
    if summary.state == RunState.AWAITING_APPROVAL:
        out.print(f"waiting for approval: aicmo approve {summary.run_id}")
        return EXIT_OK
    if summary.state != RunState.DELIVERED:
        err.print(f"the run did not deliver: {summary.error}", markup=False)
        return EXIT_FAILED
    package = app.delivery.get(PackageId.parse(summary.package_id or ""))
    for artifact in package.artifacts:
        out.print(f"  {artifact.name:<20} {human_size(artifact.size):>10}", markup=False)
    out.print(f"deliverables: {package.folder}", markup=False)
    return EXIT_OK
