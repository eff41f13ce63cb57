"""`aicmo cam …`: campaigns, lead import, the pipeline."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError
from rich.markup import escape
from rich.progress import open as progress_open

from aicmo.cam.api import IngestReport, LeadStage, NewCampaign, SendingMode, SequenceStep
from aicmo.kernel.errors import ChannelUnavailable, InvalidInput, Problem
from aicmo.operator.cli.accounts import command_line_actor
from aicmo.operator.cli.console import (
    EXIT_FAILED,
    EXIT_OK,
    clean,
    err,
    fail,
    out,
    print_json,
    say,
    table,
    user_errors,
)
from aicmo.operator.cli.user_file import read_user_file
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.bounded_yaml import TooDeep, load_yaml


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _size_range(text: str | None) -> tuple[str | None, str | None]:
    """'10-500' → ('10', '500'); '10-' and '-500' leave one end open."""
    if not text:
        return None, None
    low, sign, high = text.partition("-")
    if not sign:
        raise InvalidInput(
            "the company size is not valid", [Problem("--company-size", "write MIN-MAX, e.g. 10-500 (or 10- or -500)")]
        )
    return low.strip() or None, high.strip() or None


@user_errors
def create_campaign(
    name: str,
    *,
    industries: str | None,
    titles: str | None,
    locations: str | None,
    company_size: str | None,
    daily_cap: int,
    window: str,
    timezone: str,
    live: bool,
    reply_timeout_days: int,
) -> int:
    start, _, end = window.partition("-")
    smallest, largest = _size_range(company_size)
    try:
        icp = {
            "industries": _split(industries),
            "titles": _split(titles),
            "locations": _split(locations),
            "min_company_size": smallest,
            "max_company_size": largest,
        }
        campaign = NewCampaign.model_validate(
            {
                "name": name,
                "icp": icp,
                "daily_cap": daily_cap,
                "window_start": start.strip(),
                "window_end": end.strip(),
                "timezone": timezone,
                "mode": SendingMode.LIVE if live else SendingMode.SIMULATION,
                "reply_timeout_days": reply_timeout_days,
            }
        )
    except ValidationError as error:
        problems = [
            Problem(".".join(str(p) for p in e["loc"]) or "campaign", e["msg"].removeprefix("Value error, "))
            for e in error.errors()
        ]
        raise InvalidInput("the campaign is not valid", problems) from None
    with bootstrap(launch_durable=False) as app:
        created = app.campaigns.create(campaign)
    say(
        "campaign '{}' created: {}, {}/day, {} {}",
        created.name,
        created.mode,
        created.daily_cap,
        f"{created.window_start:%H:%M}-{created.window_end:%H:%M}",
        created.timezone,
    )
    return EXIT_OK


@user_errors
def list_campaigns() -> int:
    with bootstrap(launch_durable=False) as app:
        campaigns = app.campaigns.campaigns()
    rows = [
        (
            c.name,
            c.mode,
            c.daily_cap,
            f"{c.window_start:%H:%M}-{c.window_end:%H:%M} {c.timezone}",
            "yes" if c.paused else "no",
            ", ".join(c.icp.industries),
        )
        for c in campaigns
    ]
    out.print(table("name", "mode", "daily cap", "window", "paused", "ICP industries", rows=rows))
    return EXIT_OK


@user_errors
def pause(name: str | None, *, paused: bool) -> int:
    with bootstrap(launch_durable=False) as app:
        changed = app.campaigns.set_paused(name, paused)
        for campaign in changed:
            app.audit.record(command_line_actor(), "campaign.pause" if paused else "campaign.resume", campaign.name)
    say("{}: {}", "paused" if paused else "resumed", ", ".join(c.name for c in changed) or "no campaigns")
    return EXIT_OK


def _mapping(text: str | None) -> dict[str, str]:
    """'E-mail=email,Firma=company' → {'E-mail': 'email', 'Firma': 'company'}."""
    pairs = [pair.partition("=") for pair in _split(text)]
    bad = [
        Problem(f"--map {header}{sign}{field}", "write HEADER=FIELD, pairs separated by commas")
        for header, sign, field in pairs
        if not (header.strip() and sign and field.strip())
    ]
    if bad:
        raise InvalidInput("the column mapping is not valid", bad)
    return {header.strip(): field.strip() for header, _, field in pairs}


@user_errors
def import_leads(path: Path, campaign: str, mapping: str | None, *, as_json: bool) -> int:
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file — give the CSV of leads to import")
    explicit = _mapping(mapping)
    reading = progress_open(
        path, "rb", description=f"importing {escape(clean(path.name))}", console=err, transient=True
    )
    with bootstrap(launch_durable=False) as app, reading as stream:
        summary = app.leads.import_csv(campaign, stream, path.name, explicit)
    for warning in summary.warnings:
        err.print(f"warning: {warning}", markup=False)
    if as_json:
        print_json(
            summary.model_dump(include={"read", "accepted", "duplicates", "rejected", "ignored_columns", "warnings"})
        )
        return EXIT_OK
    out.print(
        f"read {summary.read}: accepted {summary.accepted},"
        f" duplicates {summary.duplicates}, rejected {summary.rejected}",
        markup=False,
    )
    if summary.rejects_file:
        say("rejected rows with reasons: {}", summary.rejects_file)
    return EXIT_OK


@user_errors
def list_leads(campaign: str | None, stage: str | None, grade: str | None, *, as_json: bool) -> int:
    try:
        wanted = LeadStage(stage.upper()) if stage else None
    except ValueError:
        raise InvalidInput(f"unknown stage {stage!r}: use one of {', '.join(LeadStage)}") from None
    with bootstrap(launch_durable=False) as app:
        if grade and grade.upper() not in ("A", "B", "C", "D"):
            raise InvalidInput(f"unknown grade {grade!r}: use A, B, C or D")
        leads = app.leads.leads(campaign=campaign, stage=wanted, grade=grade)
        short = app.leads.short_ids([lead.lead_id for lead in leads]) if not as_json else {}
    if as_json:
        print_json([lead.model_dump(mode="json") for lead in leads])
        return EXIT_OK
    rows = [
        (
            short[lead.lead_id],
            lead.email,
            " ".join(p for p in (lead.first_name, lead.last_name) if p),
            lead.company or "",
            lead.stage,
            f"{lead.score} {lead.grade}",
        )
        for lead in leads
    ]
    listing = table("id", "email", "name", "company", "stage", "score", rows=rows)
    listing.columns[0].no_wrap = listing.columns[4].no_wrap = listing.columns[5].no_wrap = True
    listing.columns[1].overflow = "fold"
    out.print(listing)
    return EXIT_OK


@user_errors
def show_lead(lead_text: str) -> int:
    with bootstrap(launch_durable=False) as app:
        detail = app.leads.lead(app.leads.resolve(lead_text))
    lead = detail.lead
    say(
        "{} — {}: [bold]{}[/bold], score {} ({})",
        lead.email,
        lead.company or "no company",
        lead.stage,
        lead.score,
        lead.grade,
    )
    for reason in lead.score_reasons:
        say("  · {}", reason)
    for event in detail.timeline:
        say("  {}  {} {}", f"{event.at:%Y-%m-%d %H:%M}", f"{event.kind:<10}", event.detail)
    return EXIT_OK


@user_errors
def mark_won(lead_text: str, note: str | None) -> int:
    with bootstrap(launch_durable=False) as app:
        detail = app.leads.won(app.leads.resolve(lead_text), note)
        report = app.events.dispatch()
        intakes = [i for i in app.onboarding.intakes() if i.contact_email == detail.lead.email]
    say("{}: WON — ClientSigned published ({} delivered)", detail.lead.email, report.completed)
    for intake in intakes[:1]:
        say("onboarding opened intake {} for {}: ready for a brief", intake.intake_id, intake.client_name)
    return EXIT_OK


SEQUENCE_EXAMPLE = "steps.yaml: [{delay_days, variants: [{name, subject, body}]}]"
SEQUENCE_BYTES = 1 << 20
SEQUENCE_NESTING = 4
"""Steps → step → variants → variant: deeper lists and mappings are refused before they are built."""


@user_errors
def set_sequence(campaign: str, path: Path) -> int:
    """Steps from a YAML file: a list of {delay_days, variants: [{name, subject, body}]}."""
    steps = _sequence_steps(
        path, read_user_file(path, kind="sequence", example=SEQUENCE_EXAMPLE, max_bytes=SEQUENCE_BYTES)
    )
    with bootstrap(launch_durable=False) as app:
        app.outreach.set_sequence(campaign, steps)
    say("'{}': {} step(s) set", campaign, len(steps))
    return EXIT_OK


def _sequence_steps(path: Path, data: bytes) -> list[SequenceStep]:
    try:
        document = load_yaml(data.decode("utf-8-sig"), SEQUENCE_NESTING)
        if not isinstance(document, list | None):
            raise InvalidInput(f"{path}: a sequence is a YAML list of steps, not a {type(document).__name__}")
        return [SequenceStep.model_validate(step) for step in document or []]
    except TooDeep as error:
        where = f" (line {error.mark.line + 1}, column {error.mark.column + 1})" if error.mark else ""
        raise InvalidInput(
            f"{path}: lists and mappings are nested more than {SEQUENCE_NESTING} levels deep{where}"
            " — a sequence needs four: steps → step → variants → variant"
        ) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InvalidInput(f"{path}: not valid UTF-8 YAML ({str(error).splitlines()[0]})") from None
    except ValidationError as error:
        problems = [Problem(".".join(str(p) for p in e["loc"]), e["msg"]) for e in error.errors()]
        raise InvalidInput(
            f"{path}: each step needs delay_days and variants of name, subject and body", problems
        ) from None


@user_errors
def suppress(value: str, reason: str) -> int:
    with bootstrap(launch_durable=False) as app:
        app.outreach.suppress(value, reason)
    say("{} will never be mailed", value)
    return EXIT_OK


def _print_replies(source: str, report: IngestReport) -> None:
    classes = ", ".join(f"{n} {kind}" for kind, n in report.by_class.items()) or "none new"
    out.print(
        f"{source}: {report.recorded} recorded ({classes}),"
        f" {report.duplicates} seen before, {report.unmatched} unmatched",
        markup=False,
    )


@user_errors
def outreach_cycle(*, once: bool, inbox: Path | None) -> int:
    """Cycles under one heartbeat row: send due steps, then ingest replies from the IMAP mailbox
    (AICMO_IMAP_URL) and the drop folder (AICMO_HOME/inbox by default)."""
    import time

    with bootstrap(launch_durable=False) as app, app.outreach.start_worker() as worker:
        folder = inbox or app.settings.home / "inbox"
        out.print(f"cam worker {worker.worker_id} started", markup=False)
        while True:
            mailbox_down = False
            report = worker.run_cycle()
            skipped = ", ".join(f"{n} {reason}" for reason, n in report.skipped.items()) or "none"
            released = f"; released {report.released} claims of silent workers" if report.released else ""
            timed_out = f"; {report.timed_out} leads closed without a reply" if report.timed_out else ""
            out.print(
                f"sent {report.sent}, simulated {report.simulated}; skipped: {skipped}{released}{timed_out}",
                markup=False,
            )
            if app.settings.imap_url:
                try:
                    _print_replies("replies from the mailbox", app.replies.ingest_mailbox())
                except ChannelUnavailable as error:
                    mailbox_down = True
                    fail(f"{error} — check AICMO_IMAP_URL; the next cycle tries again")
            if folder.is_dir():
                _print_replies("replies from the drop folder", app.replies.ingest_folder(folder))
            out.print("funnel: " + ", ".join(f"{stage} {n}" for stage, n in app.leads.funnel().items()), markup=False)
            if once:
                return EXIT_FAILED if mailbox_down else EXIT_OK
            worker.idle()
            time.sleep(60)


@user_errors
def list_workers(*, as_json: bool) -> int:
    with bootstrap(launch_durable=False) as app:
        workers = app.outreach.workers()
    if as_json:
        print_json([w.model_dump(mode="json") for w in workers])
        return EXIT_OK
    rows = [
        (
            w.worker_id,
            w.host,
            w.pid,
            w.status,
            f"{w.started_at:%Y-%m-%d %H:%M:%S}",
            f"{w.last_seen:%Y-%m-%d %H:%M:%S}",
            w.cycles,
        )
        for w in workers
    ]
    out.print(
        table("worker", "host", "pid", "status", "started", "last seen", "cycles", rows=rows)
        if workers
        else "no CAM worker has run yet"
    )
    return EXIT_OK


@user_errors
def list_replies(*, review: bool) -> int:
    with bootstrap(launch_durable=False) as app:
        replies = app.replies.replies(needs_review=review)
    rows = [
        (reply.lead_id, reply.email, reply.classification, reply.subject, f"{reply.received_at:%Y-%m-%d %H:%M}")
        for reply in replies
    ]
    out.print(
        table("lead", "from", "class", "subject", "received", rows=rows)
        if replies
        else ("no replies waiting for review" if review else "no replies yet")
    )
    return EXIT_OK


@user_errors
def invite(lead_text: str, at: str, minutes: int, title: str | None) -> int:
    from datetime import datetime

    try:
        start = datetime.fromisoformat(at)
    except ValueError:
        raise InvalidInput(f"--at {at!r} is not a date and time — write it like 2027-01-12T14:00+01:00") from None
    with bootstrap(launch_durable=False) as app:
        detail = app.outreach.invite(app.leads.resolve(lead_text), start, minutes, title)
    say("{}: MEETING — {}", detail.lead.email, detail.timeline[-1].detail)
    return EXIT_OK
