"""`aicmo run BRIEF`: validate, start the workflow, show progress, print the summary."""

from __future__ import annotations

import time
from pathlib import Path

from email_validator import EmailNotValidError, validate_email

from aicmo.delivery.api import DeliveryTarget, PackageId, TargetKind
from aicmo.kernel.errors import InvalidInput, Problem, with_advice
from aicmo.operator.cli.accounts import command_line_actor
from aicmo.operator.cli.user_file import read_brief_file
from aicmo.operator.cli.brief_folder import BriefFolder
from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, err, human_size, say, text, user_errors
from aicmo.operator.cli.runs import print_waiting
from aicmo.orchestration.api import RunId, RunOptions, RunState, RunSummary, Workflows
from aicmo.orchestration.composition import Application, bootstrap, brief_parser, webhook_addresses
from aicmo.platform.settings import NO_AGENCY, Settings
from aicmo.platform.urls import without_password
from aicmo.qc.api import QcRunId, Severity

_STEP_LABELS = {
    None: "starting",
    "capture_brief": "capturing the brief",
    "generate_strategy": "writing the strategy",
    "generate_pack": "writing the content pack",
    "evaluate_qc": "checking quality",
    "revise_pack": "revising what QC flagged",
    "approve_strategy": "recording the approval",
    "build_package": "rendering the package",
    "deliver_package": "delivering",
}


def delivery_targets(settings: Settings, emails: list[str], webhooks: list[str]) -> list[DeliveryTarget]:
    """The extra targets asked for, checked before anything runs."""
    problems = []
    targets = []
    for address in emails:
        try:
            targets.append(
                DeliveryTarget(
                    kind=TargetKind.EMAIL, address=validate_email(address, check_deliverability=False).normalized
                )
            )
        except EmailNotValidError as error:
            problems.append(
                Problem(f"--email {address}", with_advice(error, "give an address such as client@example.org"))
            )
    if emails and not settings.smtp_url:
        problems.append(Problem("--email", "no SMTP server configured — set AICMO_SMTP_URL=smtp://host:port"))
    addresses = webhook_addresses(settings)
    for url in webhooks:
        problem = addresses.problem(url)
        if problem:
            problems.append(Problem(f"--webhook {without_password(url)!r}", problem))
        else:
            targets.append(DeliveryTarget(kind=TargetKind.WEBHOOK, address=url))
    if webhooks and not settings.webhook_secret:
        problems.append(Problem("--webhook", "no signing secret — set AICMO_WEBHOOK_SECRET"))
    if problems:
        raise InvalidInput("the delivery targets cannot be used", problems)
    return targets


@user_errors
def run_brief(
    path: Path,
    out_dir: Path | None,
    *,
    auto_approve: bool,
    hold_on_fail: bool,
    emails: list[str],
    webhooks: list[str],
    detach: bool = False,
) -> int:
    brief = brief_parser().parse_brief(read_brief_file(path), path.name, BriefFolder(path))
    if brief.plan.timezone_from == "default":
        err.print(
            f"posting times are in {brief.plan.timezone}, the default:"
            " the brief has no plan.timezone and brand.locations do not settle one",
            markup=False,
        )
    settings = Settings()
    options = RunOptions(
        auto_approve=auto_approve, hold_on_fail=hold_on_fail, targets=delivery_targets(settings, emails, webhooks)
    )
    with bootstrap(settings, launch_durable=not detach) as app:
        target = out_dir or app.settings.home / "deliveries"
        run_id = app.workflows.start_client_to_delivery(brief, str(path), target, options)
        app.audit.record(command_line_actor(), "run.create", str(run_id), brief.client_name)
        if detach:
            say(
                "run {} queued: a worker (`aicmo worker`) will run it; follow it with `aicmo runs show {}`",
                run_id,
                run_id,
            )
            return EXIT_OK
        return _report(app, _follow(app.workflows, run_id))


def _follow(workflows: Workflows, run_id: RunId) -> RunSummary:
    with err.status("starting") as status:
        while True:
            summary = workflows.get_run(run_id)
            if summary.state.finished or summary.state == RunState.AWAITING_APPROVAL:
                return summary
            status.update(
                text(f"{summary.client_name}: {_STEP_LABELS.get(summary.current_step, summary.current_step)}…")
            )
            time.sleep(0.05)


def _report(app: Application, summary: RunSummary) -> int:
    say("run {} — {}: [bold]{}[/bold]", summary.run_id, summary.client_name, summary.state)
    if app.settings.agency_name is None and summary.state in (RunState.DELIVERED, RunState.AWAITING_APPROVAL):
        err.print(NO_AGENCY, markup=False)
    if summary.qc_run_id:
        report = app.qc.get(QcRunId.parse(summary.qc_run_id))
        counts = ", ".join(f"{report.count(s)} {s.lower()}" for s in Severity)
        say("QC score {}/100 ({}); findings: {}", report.score, report.verdict(), counts)
    if summary.state == RunState.AWAITING_APPROVAL:
        print_waiting(app, summary)
        say("waiting for approval: aicmo approve {}", summary.run_id)
        return EXIT_OK
    if summary.package_id:
        package = app.delivery.get(PackageId.parse(summary.package_id))
        for artifact in package.artifacts:
            say("  {} {}", f"{artifact.name:<20}", f"{human_size(artifact.size):>10}")
        for job in package.deliveries:
            say(
                "  → {} {}: {} after {} attempt(s)",
                job.target.kind,
                without_password(job.target.address),
                job.status,
                job.attempts,
            )
        say("deliverables: {}", package.folder)
    if summary.state != RunState.DELIVERED:
        say("the run did not deliver: {}", summary.error, console=err)
        return EXIT_FAILED
    return EXIT_OK
