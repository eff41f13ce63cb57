"""`aicmo`: the command line. Only typer is imported here so `aicmo --help` stays fast;
each command imports what it needs when it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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


@app.command("run")
def run_command(
    brief: Annotated[Path, typer.Argument(help="The client's brief, YAML or JSON.", show_default=False)],
    out: Annotated[Path | None, typer.Option("--out", help="Folder for the package [default: AICMO_HOME/deliveries].")] = None,
    auto_approve: Annotated[bool, typer.Option("--auto-approve", help="Approve without waiting for an operator.")] = False,
) -> None:
    """Run client_to_delivery on a brief: strategy, content pack, QC, approval, package."""
    from aicmo.operator.cli.run_brief import run_brief

    raise typer.Exit(run_brief(brief, out, auto_approve=auto_approve))


@app.command("runs")
def runs_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    limit: Annotated[int, typer.Option(help="How many of the newest runs.")] = 50,
) -> None:
    """List workflow runs, newest first."""
    from aicmo.operator.cli.runs import list_runs

    raise typer.Exit(list_runs(as_json=as_json, limit=limit))


@app.command("approve")
def approve_command(
    run_id: Annotated[str, typer.Argument(help="The run id shown by `aicmo runs`.", show_default=False)],
    comment: Annotated[str | None, typer.Option(help="A note kept with the approval.")] = None,
) -> None:
    """Approve a run that waits for approval, and let it deliver."""
    from aicmo.operator.cli.runs import approve_run

    raise typer.Exit(approve_run(run_id, comment))


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


def run() -> None:
    app()
