"""The main job end to end: every module stores its records, the package is on disk."""

import hashlib
import json
import time
from pathlib import Path

import pytest
from dbos import DBOS
from sqlalchemy import func, select, text

from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap, brief_parser
from tests.conftest import EXAMPLE_BRIEF

from .cli import aicmo

pytestmark = pytest.mark.e2e

MODULE_TABLES = {
    "onboarding": ["onboarding_intakes", "onboarding_briefs", "onboarding_brief_versions"],
    "strategy": ["strategy_documents", "strategy_versions"],
    "production": ["production_packs", "production_items"],
    "qc": ["qc_runs"],
    "delivery": ["delivery_packages", "delivery_artifacts"],
    "orchestration": ["orchestration_runs"],
}


def row_counts(app) -> dict[str, int]:
    with app.db.engine.connect() as connection:
        return {
            table: connection.scalar(select(func.count()).select_from(text(table)))
            for tables in MODULE_TABLES.values()
            for table in tables
        }


def test_a_brief_becomes_a_delivered_package(settings, tmp_path):
    brief = brief_parser().parse_brief(EXAMPLE_BRIEF.read_bytes(), EXAMPLE_BRIEF.name)

    with bootstrap(settings) as app:
        run_id = app.workflows.start_client_to_delivery(
            brief, "northwind.yaml", tmp_path / "out", RunOptions(auto_approve=True)
        )
        summary = app.workflows.wait(run_id)
        counts = row_counts(app)
        with app.db.engine.connect() as connection:
            strategy_rows = connection.execute(text("SELECT status FROM strategy_versions")).scalars().all()

    assert summary.state == RunState.DELIVERED, summary.error
    assert all(count >= 1 for count in counts.values()), counts
    assert counts["production_items"] == 47
    assert strategy_rows == ["approved"]
    folder = Path(summary.folder)
    assert folder == (tmp_path / "out" / "northwind-roasters" / str(run_id)).resolve()
    manifest = json.loads((folder / "manifest.json").read_text())
    for entry in manifest["files"]:
        assert hashlib.sha256((folder / entry["name"]).read_bytes()).hexdigest() == entry["sha256"]
    assert manifest["lineage"]["brief_version"] == 1
    assert "Northwind Roasters" in (folder / "plan.md").read_text()
    assert {entry["name"] for entry in manifest["files"]} == {
        "plan.pdf",
        "plan.docx",
        "strategy.pptx",
        "plan.md",
        "calendar.ics",
        "schedule.csv",
        "qc-report.md",
    }


def test_the_cli_runs_the_example_and_says_where_the_package_is(tmp_path):
    result = aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), "--auto-approve")

    assert result.returncode == 0, result.stderr
    assert "DELIVERED" in result.stdout
    folder = Path(result.stdout.split("deliverables:")[1].strip())
    assert (folder / "plan.md").is_file() and (folder / "package.zip").is_file()


@pytest.mark.postgres
def test_the_cli_runs_on_postgres_with_one_setting(tmp_path, postgres_url):
    result = aicmo(
        "run",
        str(EXAMPLE_BRIEF),
        "--out",
        str(tmp_path / "out"),
        "--auto-approve",
        env={"AICMO_DATABASE_URL": postgres_url},
    )

    assert result.returncode == 0, result.stderr
    runs = json.loads(aicmo("runs", "--json", env={"AICMO_DATABASE_URL": postgres_url}).stdout)
    assert [run["state"] for run in runs] == ["DELIVERED"]


def test_an_approval_wait_survives_the_process_and_delivers_once(tmp_path):
    waiting = aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"))
    assert waiting.returncode == 0, waiting.stderr
    [run] = json.loads(aicmo("runs", "--json").stdout)
    assert run["state"] == "AWAITING_APPROVAL"
    assert not list((tmp_path / "out").glob("*/*/manifest.json"))

    approved = aicmo("approve", run["run_id"], "--comment", "Ship it")
    again = aicmo("approve", run["run_id"])

    assert approved.returncode == 0, approved.stderr
    assert "DELIVERED" in approved.stdout
    assert again.returncode == 2
    assert "not waiting for approval" in again.stderr
    assert len(list((tmp_path / "out").glob("*/*/manifest.json"))) == 1


def test_a_run_started_from_the_cli_is_in_the_audit_log_whether_it_waits_or_is_detached(tmp_path):
    waited = aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"))
    queued = aicmo("run", str(EXAMPLE_BRIEF), "--detach")
    assert (waited.returncode, queued.returncode) == (0, 0), waited.stderr + queued.stderr

    with bootstrap(launch_durable=False) as app:
        started = [entry for entry in app.audit.entries() if entry.action == "run.create"]
        run_ids = {str(run.run_id) for run in app.workflows.list_runs()}

    assert {entry.target for entry in started} == run_ids and len(run_ids) == 2
    assert {(entry.channel.value, entry.detail) for entry in started} == {("cli", "Northwind Roasters")}
    assert all(entry.actor and "@" in entry.actor for entry in started)


def test_a_malformed_decision_is_refused_and_the_run_keeps_waiting_for_a_real_one(settings, tmp_path):
    brief = brief_parser().parse_brief(EXAMPLE_BRIEF.read_bytes(), EXAMPLE_BRIEF.name)

    with bootstrap(settings) as app:
        run_id = app.workflows.start_client_to_delivery(brief, "northwind.yaml", tmp_path / "out", RunOptions())
        app.workflows.wait(run_id)
        DBOS.send(str(run_id), {"approve": True}, topic="approval")
        deadline = time.monotonic() + 60
        while "refused" not in (app.workflows.get_run(run_id).note or "") and time.monotonic() < deadline:
            time.sleep(0.05)
        refused = app.workflows.get_run(run_id)
        approved = app.workflows.approve(run_id, "Ship it")

    assert refused.state == RunState.AWAITING_APPROVAL
    assert "approved: Field required" in refused.note and "approve: Extra inputs are not permitted" in refused.note
    assert approved.state == RunState.DELIVERED
