"""`aicmo`: the command line. Only typer is imported here so `aicmo --help` stays fast;
each command imports what it needs when it runs."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from aicmo.operator.cli import accounts_commands

app = typer.Typer(
    name="aicmo",
    help="AICMO — the operating system of a marketing agency.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(db_app, name="db")
qc_app = typer.Typer(help="Quality reports and waivers.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(qc_app, name="qc")
events_app = typer.Typer(
    help="Domain events and their delivery to subscribers.", invoke_without_command=True, rich_markup_mode=None
)
app.add_typer(events_app, name="events")
cam_app = typer.Typer(
    help="Client acquisition: campaigns, leads, pipeline.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(cam_app, name="cam")
campaign_app = typer.Typer(help="Create campaigns.", no_args_is_help=True, rich_markup_mode=None)
cam_app.add_typer(campaign_app, name="campaign")
brief_app = typer.Typer(
    help="The brief format: its JSON Schema, and a check of a brief file.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(brief_app, name="brief")
app.add_typer(accounts_commands.user_app, name="user")
app.add_typer(accounts_commands.token_app, name="token")


@app.command("run")
def run_command(
    brief: Annotated[Path, typer.Argument(help="The client's brief, YAML or JSON.", show_default=False)],
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for the package [default: AICMO_HOME/deliveries].")
    ] = None,
    auto_approve: Annotated[
        bool, typer.Option("--auto-approve", help="Approve without waiting for an operator.")
    ] = False,
    hold_on_fail: Annotated[
        bool,
        typer.Option(
            "--hold-on-fail", help="When QC fails after the revision, wait for an operator instead of compensating."
        ),
    ] = False,
    email: Annotated[
        list[str] | None, typer.Option("--email", help="Also email the package to this address (AICMO_SMTP_URL).")
    ] = None,
    webhook: Annotated[
        list[str] | None,
        typer.Option("--webhook", help="Also POST the package to this URL, signed (AICMO_WEBHOOK_SECRET)."),
    ] = None,
    detach: Annotated[
        bool, typer.Option("--detach", help="Only queue the run; `aicmo worker` processes run it.")
    ] = False,
) -> None:
    """Run client_to_delivery on a brief: strategy, content pack, QC, approval, package."""
    from aicmo.operator.cli.run_brief import run_brief

    raise typer.Exit(
        run_brief(
            brief,
            out,
            auto_approve=auto_approve,
            hold_on_fail=hold_on_fail,
            emails=email or [],
            webhooks=webhook or [],
            detach=detach,
        )
    )


@brief_app.command("schema")
def brief_schema_command() -> None:
    """Print the JSON Schema of a brief (generated from the model; see docs/brief.md)."""
    from aicmo.operator.cli.brief import print_schema

    raise typer.Exit(print_schema())


@brief_app.command("check")
def brief_check_command(
    brief: Annotated[Path, typer.Argument(help="The brief file, YAML or JSON.", show_default=False)],
) -> None:
    """Validate a brief without running anything: "ok" and a summary, or every problem by field path (exit 2)."""
    from aicmo.operator.cli.brief import check_brief

    raise typer.Exit(check_brief(brief))


runs_app = typer.Typer(help="Workflow runs.", invoke_without_command=True, rich_markup_mode=None)
app.add_typer(runs_app, name="runs")


@runs_app.callback()
def runs_command(
    context: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    limit: Annotated[int, typer.Option(help="How many of the newest runs.")] = 50,
) -> None:
    """List workflow runs, newest first (`aicmo runs show ID` for one run's steps)."""
    if context.invoked_subcommand is not None:
        return
    from aicmo.operator.cli.runs import list_runs

    raise typer.Exit(list_runs(as_json=as_json, limit=limit))


@runs_app.command("show")
def runs_show_command(
    run_id: Annotated[
        str, typer.Argument(help="The run id (or a unique prefix) shown by `aicmo runs`.", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """One run: its state and every step with its timing and result, compensations included."""
    from aicmo.operator.cli.runs import show_run

    raise typer.Exit(show_run(run_id, as_json=as_json))


@runs_app.command("preview")
def runs_preview_command(
    run_id: Annotated[
        str, typer.Argument(help="The run id (or a unique prefix) shown by `aicmo runs`.", show_default=False)
    ],
) -> None:
    """Render what approving a run would deliver (plan.md and plan.pdf) into its folder's preview/."""
    from aicmo.operator.cli.runs import preview_run

    raise typer.Exit(preview_run(run_id))


@app.command("approve")
def approve_command(
    run_id: Annotated[
        str, typer.Argument(help="The run id (or a unique prefix) shown by `aicmo runs`.", show_default=False)
    ],
    comment: Annotated[str | None, typer.Option(help="A note kept with the approval.")] = None,
) -> None:
    """Approve a run that waits for approval, and let it deliver."""
    from aicmo.operator.cli.runs import approve_run

    raise typer.Exit(approve_run(run_id, comment))


@app.command("reject")
def reject_command(
    run_id: Annotated[
        str, typer.Argument(help="The run id (or a unique prefix) shown by `aicmo runs`.", show_default=False)
    ],
    comment: Annotated[
        str, typer.Option(help="What to change; the content is revised with it, checked and waits again.")
    ],
    item: Annotated[
        list[str] | None,
        typer.Option(
            "--item", help="Only this item (its id or a unique prefix, as `aicmo qc report RUN` shows it); repeatable."
        ),
    ] = None,
) -> None:
    """Send a waiting run back for a revision with your comment."""
    from aicmo.operator.cli.runs import reject_run

    raise typer.Exit(reject_run(run_id, comment, item or None))


@app.command("resume")
def resume_command() -> None:
    """Finish every run a stopped or crashed process left pending, exactly once."""
    from aicmo.operator.cli.runs import resume_runs

    raise typer.Exit(resume_runs())


@app.command("worker")
def worker_command(
    once: Annotated[
        bool,
        typer.Option("--once", help="One cycle: resume the dead's runs, dispatch events, finish queued runs, exit."),
    ] = False,
) -> None:
    """Run workflows from the queue, dispatch events and take over from dead processes, until stopped."""
    from aicmo.operator.cli.worker import run_worker

    raise typer.Exit(run_worker(once=once))


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port; AICMO_PUBLIC_URL must reach it for unsubscribe links.")
    ] = 8000,
) -> None:
    """Serve the web pages: one-click unsubscribe for outreach recipients."""
    from aicmo.operator.cli.serve import serve

    raise typer.Exit(serve(host, port))


@app.command("costs")
def costs_command(
    since: Annotated[str | None, typer.Option("--since", help="From this day on (YYYY-MM-DD, UTC).")] = None,
    client: Annotated[str | None, typer.Option("--client", help="Only this client (its brand name).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """What model calls cost: calls, tokens and USD per client and model."""
    from aicmo.operator.cli.costs import show_costs, since_date

    raise typer.Exit(show_costs(since=since_date(since), client=client, as_json=as_json))


@app.command("doctor")
def doctor_command() -> None:
    """Check settings, database, migrations, durable runtime and data folder."""
    from aicmo.operator.cli.doctor import doctor

    raise typer.Exit(doctor())


@db_app.command("upgrade")
def db_upgrade_command() -> None:
    """Migrate every module's tables to the newest schema."""
    from aicmo.operator.cli.database import upgrade_database

    raise typer.Exit(upgrade_database())


@db_app.command("revision")
def db_revision_command(
    module: Annotated[str, typer.Argument(help="The module whose tables changed, e.g. strategy.", show_default=False)],
    message: Annotated[str, typer.Option("-m", "--message", help="What the migration does.")],
) -> None:
    """Write a new migration for one module's tables (for developers)."""
    from aicmo.operator.cli.database import new_revision

    raise typer.Exit(new_revision(module, message))


@qc_app.command("report")
def qc_report_command(
    run_id: Annotated[
        str, typer.Argument(help="The run id (or a unique prefix) shown by `aicmo runs`.", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show the latest QC report of a run: scores by deliverable and every finding."""
    from aicmo.operator.cli.qc import show_report

    raise typer.Exit(show_report(run_id, as_json=as_json))


@qc_app.command("waive")
def qc_waive_command(
    finding_id: Annotated[
        str, typer.Argument(help="The finding id (or a unique prefix) shown by `aicmo qc report`.", show_default=False)
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why the finding may stand (kept in the audit trail).")],
    by: Annotated[str | None, typer.Option("--by", help="Who waives it [default: your user name].")] = None,
) -> None:
    """Waive a QC finding with a reason; the report is scored again."""
    from aicmo.operator.cli.qc import waive_finding

    raise typer.Exit(waive_finding(finding_id, reason, by))


@events_app.callback()
def events_command(
    context: typer.Context,
    failed: Annotated[bool, typer.Option("--failed", help="Only deliveries that failed.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Every subscribed event and its state per subscriber: published, processing, completed, failed, resubmitted."""
    if context.invoked_subcommand is not None:
        return
    from aicmo.operator.cli.events import list_events

    raise typer.Exit(list_events(failed_only=failed, as_json=as_json))


@events_app.command("dispatch")
def events_dispatch_command() -> None:
    """Deliver pending events to their subscribers now (a worker does this continuously)."""
    from aicmo.operator.cli.events import dispatch_events

    raise typer.Exit(dispatch_events())


@events_app.command("resubmit")
def events_resubmit_command(
    event_id: Annotated[str, typer.Argument(help="The event id shown by `aicmo events --failed`.", show_default=False)],
) -> None:
    """Deliver a failed event again at the next dispatch."""
    from aicmo.operator.cli.events import resubmit_event

    raise typer.Exit(resubmit_event(event_id))


@campaign_app.command("create")
def cam_campaign_create_command(
    name: Annotated[str, typer.Argument(help="A unique campaign name.", show_default=False)],
    industries: Annotated[str | None, typer.Option(help="ICP industries, comma-separated.")] = None,
    titles: Annotated[str | None, typer.Option(help="ICP job titles, comma-separated.")] = None,
    locations: Annotated[str | None, typer.Option(help="ICP locations, comma-separated.")] = None,
    company_size: Annotated[
        str | None, typer.Option(help="ICP employees, MIN-MAX (e.g. 10-500), MIN- or -MAX.")
    ] = None,
    daily_cap: Annotated[int, typer.Option(help="Most messages sent per day.")] = 50,
    window: Annotated[str, typer.Option(help="Sending window, local time.")] = "09:00-17:00",
    timezone: Annotated[str, typer.Option(help="Time zone of the window.")] = "UTC",
    live: Annotated[
        bool, typer.Option("--live", help="LIVE: send through AICMO_SMTP_URL instead of SIMULATION.")
    ] = False,
    reply_timeout_days: Annotated[
        int, typer.Option(help="Days after the last step before a silent lead is closed as LOST.")
    ] = 14,
) -> None:
    """Create an outreach campaign (SIMULATION unless --live: messages become .eml files, nothing is sent)."""
    from aicmo.operator.cli.cam import create_campaign

    raise typer.Exit(
        create_campaign(
            name,
            industries=industries,
            titles=titles,
            locations=locations,
            company_size=company_size,
            daily_cap=daily_cap,
            window=window,
            timezone=timezone,
            live=live,
            reply_timeout_days=reply_timeout_days,
        )
    )


@cam_app.command("campaigns")
def cam_campaigns_command() -> None:
    """List campaigns."""
    from aicmo.operator.cli.cam import list_campaigns

    raise typer.Exit(list_campaigns())


@cam_app.command("pause")
def cam_pause_command(
    name: Annotated[str | None, typer.Argument(help="The campaign; omit with --all.", show_default=False)] = None,
    all_campaigns: Annotated[bool, typer.Option("--all", help="The global switch: every campaign.")] = False,
) -> None:
    """Stop sending for a campaign, or for all of them."""
    from aicmo.operator.cli.cam import pause

    raise typer.Exit(pause(None if all_campaigns else name, paused=True) if name or all_campaigns else 2)


@cam_app.command("resume")
def cam_resume_command(
    name: Annotated[str | None, typer.Argument(help="The campaign; omit with --all.", show_default=False)] = None,
    all_campaigns: Annotated[bool, typer.Option("--all", help="Every campaign.")] = False,
) -> None:
    """Let a campaign, or all of them, send again."""
    from aicmo.operator.cli.cam import pause

    raise typer.Exit(pause(None if all_campaigns else name, paused=False) if name or all_campaigns else 2)


@cam_app.command("import")
def cam_import_command(
    file: Annotated[Path, typer.Argument(help="A CSV of leads, UTF-8, with a header line.", show_default=False)],
    campaign: Annotated[str, typer.Option("--campaign", help="The campaign to import into.")],
    mapping: Annotated[
        str | None, typer.Option("--map", help='Header to field, e.g. "E-mail=email,Firma=company".')
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Import leads: headers mapped, rows validated and deduplicated, rejects written with reasons."""
    from aicmo.operator.cli.cam import import_leads

    raise typer.Exit(import_leads(file, campaign, mapping, as_json=as_json))


@cam_app.command("leads")
def cam_leads_command(
    campaign: Annotated[str | None, typer.Option(help="Only this campaign.")] = None,
    stage: Annotated[str | None, typer.Option(help="Only this stage (NEW, CONTACTED, …).")] = None,
    grade: Annotated[str | None, typer.Option(help="Only this grade (A, B, C, D).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List leads, newest first, with their score and grade."""
    from aicmo.operator.cli.cam import list_leads

    raise typer.Exit(list_leads(campaign, stage, grade, as_json=as_json))


@cam_app.command("lead")
def cam_lead_command(
    lead_id: Annotated[
        str,
        typer.Argument(help="The lead id shown by `aicmo cam leads`, or any unique prefix of it.", show_default=False),
    ],
) -> None:
    """One lead and its timeline."""
    from aicmo.operator.cli.cam import show_lead

    raise typer.Exit(show_lead(lead_id))


@cam_app.command("sequence")
def cam_sequence_command(
    campaign: Annotated[str, typer.Argument(help="The campaign.", show_default=False)],
    file: Annotated[
        Path,
        typer.Argument(help="YAML: a list of {delay_days, variants: [{name, subject, body}]}.", show_default=False),
    ],
) -> None:
    """Set a campaign's outreach steps ({{first_name|there}}-style tokens are filled per lead)."""
    from aicmo.operator.cli.cam import set_sequence

    raise typer.Exit(set_sequence(campaign, file))


@cam_app.command("suppress")
def cam_suppress_command(
    value: Annotated[str, typer.Argument(help="An email address, or a domain to block whole.", show_default=False)],
    reason: Annotated[str, typer.Option(help="Kept with the suppression.")] = "operator",
) -> None:
    """Never mail this address or domain again."""
    from aicmo.operator.cli.cam import suppress

    raise typer.Exit(suppress(value, reason))


@cam_app.command("worker")
def cam_worker_command(
    once: Annotated[bool, typer.Option("--once", help="One cycle, then exit.")] = False,
    inbox: Annotated[Path | None, typer.Option(help="Drop folder of .eml replies [default: AICMO_HOME/inbox].")] = None,
) -> None:
    """Send due outreach steps (SIMULATION: .eml files under AICMO_HOME/outbox), then ingest
    replies (IMAP, drop folder)."""
    from aicmo.operator.cli.cam import outreach_cycle

    raise typer.Exit(outreach_cycle(once=once, inbox=inbox))


@cam_app.command("workers")
def cam_workers_command(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """CAM workers and their heartbeats (a stale one lost its claims to the others)."""
    from aicmo.operator.cli.cam import list_workers

    raise typer.Exit(list_workers(as_json=as_json))


@cam_app.command("replies")
def cam_replies_command(
    review: Annotated[bool, typer.Option("--review", help="Only positive replies waiting for review.")] = False,
) -> None:
    """Replies to outreach, classified; --review is the queue of positive ones."""
    from aicmo.operator.cli.cam import list_replies

    raise typer.Exit(list_replies(review=review))


@cam_app.command("meeting")
def cam_meeting_command(
    lead_id: Annotated[
        str,
        typer.Argument(help="The lead id shown by `aicmo cam leads`, or any unique prefix of it.", show_default=False),
    ],
    at: Annotated[str, typer.Option("--at", help="Start, with its time zone, e.g. 2027-01-12T14:00+01:00.")],
    minutes: Annotated[int, typer.Option(help="Length of the meeting.")] = 30,
    title: Annotated[str | None, typer.Option(help="The invitation's title.")] = None,
) -> None:
    """Invite a lead to a meeting (an .ics attachment, sent in the campaign's mode) and move it to MEETING."""
    from aicmo.operator.cli.cam import invite

    raise typer.Exit(invite(lead_id, at, minutes, title))


@cam_app.command("won")
def cam_won_command(
    lead_id: Annotated[
        str,
        typer.Argument(help="The lead id shown by `aicmo cam leads`, or any unique prefix of it.", show_default=False),
    ],
    note: Annotated[str | None, typer.Option(help="Kept on the lead's timeline.")] = None,
) -> None:
    """Close a lead as WON: ClientSigned is published and onboarding opens an intake for the client."""
    from aicmo.operator.cli.cam import mark_won

    raise typer.Exit(mark_won(lead_id, note))


def run() -> None:
    """The console script. A run left waiting for a decision keeps a workflow thread in
    this process; its state is durable, so the process ends without waiting for it. A
    failing data file (full disk, read-only folder, damaged database) ends it with one line;
    any other error (a defect) with its traceback, and the process still ends."""
    try:
        app()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except Exception as error:
        from aicmo.operator.cli.console import EXIT_FAILED, fail
        from aicmo.operator.cli.failures import storage_failure

        line = storage_failure(error)
        if line is None:
            traceback.print_exc()
        else:
            fail(line)
        code = EXIT_FAILED
    else:
        code = 0
    if "dbos" in sys.modules:
        from aicmo.platform.durable import parked_workflow_threads

        if parked_workflow_threads():
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    sys.exit(code)
