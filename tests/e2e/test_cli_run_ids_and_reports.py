"""What an operator reads and types around one run: ids to copy (any unique prefix), the
run's own steps in order, a preview before approving, a QC report that fits 80 columns."""

import getpass
import json
import re
import socket
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import MetaData, Table, create_engine, insert, select

from aicmo.accounts.api import Channel
from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap
from aicmo.qc.api import QcRunId
from tests.briefs import example
from tests.conftest import EXAMPLE_BRIEF
from tests.fakes import FakeWriter

from .cli import aicmo

pytestmark = pytest.mark.e2e


def plant_sibling(settings, run_id: str, shared_digits: int) -> str:
    """A finished run whose id shares the first `shared_digits` hex digits with `run_id`."""
    engine = create_engine(settings.resolved_database_url)
    runs = Table("orchestration_runs", MetaData(), autoload_with=engine)
    digits = uuid.UUID(run_id).hex
    rest = "0" * (32 - shared_digits) if digits[shared_digits] != "0" else "f" * (32 - shared_digits)
    sibling = uuid.UUID(digits[:shared_digits] + rest)
    with engine.begin() as connection:
        row = connection.execute(select(runs).where(runs.c.id == digits)).mappings().one()
        connection.execute(
            insert(runs).values({**row, "id": sibling.hex, "state": "COMPENSATED", "client_name": "Sibling"})
        )
    engine.dispose()
    return str(sibling)


def email_subjects(settings, qc_run_id: str) -> list[str]:
    with bootstrap(settings, launch_durable=False) as app:
        pack = app.production.get_pack(app.qc.get(QcRunId.parse(qc_run_id)).pack_id)
    return [item.fields["subject"] for item in pack.items if item.kind == "email"]


def test_a_waiting_run_is_previewed_and_named_by_the_prefix_runs_prints(sqlite_settings, tmp_path):
    waiting = aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"))
    [run] = json.loads(aicmo("runs", "--json").stdout)
    run_id = run["run_id"]
    plant_sibling(sqlite_settings, run_id, shared_digits=12)
    prefix = run_id[:15]  # 13 hex digits: one more than the sibling shares

    listed = aicmo("runs", env={"COLUMNS": "80"})
    ambiguous = aicmo("runs", "show", run_id[:8])
    unknown = aicmo("approve", "0000dead")
    previewed = aicmo("runs", "preview", prefix)
    report = aicmo("qc", "report", prefix, env={"COLUMNS": "80"})
    approved = aicmo("approve", prefix)
    shown = json.loads(aicmo("runs", "show", prefix, "--json").stdout)

    assert waiting.returncode == 0, waiting.stderr
    assert "AICMO_AGENCY_NAME is not set: the client documents name no agency" in waiting.stderr
    written_before_the_wait = [
        Path(line.rsplit(": ", 1)[1]) for line in waiting.stdout.splitlines() if line.strip().startswith("preview ")
    ]
    assert [p.name for p in written_before_the_wait] == ["plan.md", "plan.pdf"] and all(
        p.is_file() for p in written_before_the_wait
    )
    assert f"│ {prefix} │" in listed.stdout, listed.stdout
    assert ambiguous.returncode == 2 and len(ambiguous.stderr.splitlines()) == 1 and "ambiguous" in ambiguous.stderr
    assert unknown.returncode == 2 and "no run id starts with '0000dead'" in unknown.stderr
    assert previewed.returncode == 0, previewed.stderr
    previews = [
        Path(line.rsplit(": ", 1)[1]) for line in previewed.stdout.splitlines() if line.strip().startswith("preview ")
    ]
    assert previews == written_before_the_wait
    assert "Northwind Roasters" in previews[0].read_text(encoding="utf-8") and previews[1].read_bytes().startswith(
        b"%PDF"
    )
    assert report.returncode == 0 and "score 100/100, passed" in report.stdout, report.stderr
    assert "no findings; the pack's items, for `aicmo reject RUN --item ITEM`:" in report.stdout
    listed_emails = [
        line.split(maxsplit=3) for line in report.stdout.splitlines() if re.match(r" [0-9a-f]{8} +email ", line)
    ]
    assert len(listed_emails) == 5, "a passed report still lists the item ids `reject --item` takes"
    assert all(len(line) <= 80 for line in report.stdout.splitlines())
    openings = [opening.rstrip(" …") for *_, opening in listed_emails]
    subjects = email_subjects(sqlite_settings, run["qc_run_id"])
    assert len(subjects) == 5 and all(map(str.startswith, subjects, openings)) and min(map(len, openings)) > 10, (
        "each item is shown by its opening words: an email by its subject"
    )
    assert approved.returncode == 0 and "DELIVERED" in approved.stdout, approved.stderr
    steps = [step["name"] for step in shown["steps"]]
    starts = [step["started_at"] for step in shown["steps"]]
    assert steps == [
        "capture_brief",
        "generate_strategy",
        "generate_pack",
        "evaluate_qc",
        "await_approval",
        "read_approved_content",
        "approve_strategy",
        "build_package",
        "finish_run",
    ]
    assert starts == sorted(starts)


def test_a_qc_report_fits_80_columns_and_a_short_finding_id_is_waived(sqlite_settings, tmp_path):
    with bootstrap(sqlite_settings, writer=FakeWriter(fixed_by_revision=False)) as app:
        run_id = app.workflows.start_client_to_delivery(
            example("northwind"), "northwind.yaml", tmp_path / "out", RunOptions(hold_on_fail=True)
        )
        waiting = app.workflows.wait(run_id, timeout_seconds=120)
    assert waiting.state == RunState.AWAITING_APPROVAL

    report = aicmo("qc", "report", str(run_id)[:8], env={"COLUMNS": "80"})
    document = json.loads(aicmo("qc", "report", str(run_id)[:8], "--json").stdout)
    shown = aicmo("runs", "show", str(run_id)[:8])

    assert report.returncode == 0, report.stderr
    assert max(len(line) for line in report.stdout.splitlines()) <= 80, report.stdout
    finding = document["findings"][0]
    assert finding["finding_id"][:8] in report.stdout and finding["finding_id"] not in report.stdout
    words = " ".join(report.stdout.split())
    named = rf"on [A-Z][a-z]+(?: [a-z]+)? \d+(?: · [A-Za-z]+)? \({finding['item_id'][:8]}\)"
    assert re.search(named, words) and finding["item_id"] not in report.stdout, "an item by its name and its short id"
    assert "not passed: " in words and "open — waive each with a reason or edit the items" in words
    waived = aicmo(
        "qc",
        "waive",
        finding["finding_id"][:8],
        "--reason",
        "The client backs this claim.",
        "--by",
        "ops",
        env={"COLUMNS": "80"},
    )
    again = aicmo("qc", "waive", finding["finding_id"][:8], "--reason", "Again.")
    assert waived.returncode == 0, waived.stderr
    assert "waived by ops: The client backs this claim." in waived.stdout
    assert again.returncode == 2 and again.stderr.count("\n") == 1, again.stderr
    assert re.search(
        r"already waived by ops on \d{1,2} [A-Z][a-z]{2} \d{4}: The client backs this claim\.", again.stderr
    )
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        audited = [(e.action, e.actor, e.channel, e.detail) for e in app.audit.entries(50, target=str(run_id))]
    assert (
        "finding.waive",
        f"{getpass.getuser()}@{socket.gethostname()}",
        Channel.CLI,
        f"The client backs this claim. (finding {finding['finding_id'][:8]}: {finding['message']})",
    ) in audited, "about the run, as a waiver from the console is, so that its page lists it"
    held = " ".join(shown.stdout.split())
    assert "QC score" in held and "`aicmo qc waive FINDING --reason …` waives one" in held and "error:" not in held

    refused = aicmo("approve", str(run_id)[:8])
    too_long = aicmo("reject", str(run_id)[:8], "--comment", "x" * 2001)
    still = json.loads(aicmo("runs", "show", str(run_id)[:8], "--json").stdout)["run"]
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert "blockers open" in refused.stderr and "waive each with a reason" in refused.stderr
    assert too_long.returncode == 2 and "--comment: Keep it to 2,000 characters: this one has 2,001." in too_long.stderr
    assert still["state"] == RunState.AWAITING_APPROVAL
    assert datetime.fromisoformat(still["updated_at"]) == waiting.updated_at
