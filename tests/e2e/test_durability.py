"""Durable runs: crashes after any step, restarts during an approval wait, rejections,
concurrent runs — each run delivers exactly once, on SQLite and on Postgres."""

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap
from tests.briefs import example
from tests.conftest import EXAMPLE_BRIEF

from .cli import aicmo

pytestmark = pytest.mark.e2e
STEPS = ["capture_brief", "generate_strategy", "generate_pack", "evaluate_qc", "approve_strategy", "build_package"]
COUNTS = """SELECT (SELECT count(*) FROM onboarding_brief_versions), (SELECT count(*) FROM strategy_versions),
  (SELECT count(*) FROM production_packs), (SELECT count(*) FROM production_items), (SELECT count(*) FROM qc_runs),
  (SELECT count(*) FROM delivery_packages), (SELECT count(*) FROM delivery_artifacts)"""


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def environment(request, tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    if request.param == "postgres":
        env["AICMO_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    return env


def counts(env: dict[str, str]) -> tuple:
    url = env.get("AICMO_DATABASE_URL") or f"sqlite:///{env['AICMO_HOME']}/aicmo.sqlite"
    engine = create_engine(url)
    with engine.connect() as connection:
        row = tuple(connection.execute(text(COUNTS)).one())
    engine.dispose()
    return row


def runs(env: dict[str, str]) -> list[dict]:
    return json.loads(aicmo("runs", "--json", env=env).stdout)


@pytest.mark.parametrize("step", STEPS)
def test_a_crash_right_after_a_step_is_resumed_exactly_once(environment, tmp_path, step):
    crashed = aicmo(
        "run",
        str(EXAMPLE_BRIEF),
        "--out",
        str(tmp_path / "out"),
        "--auto-approve",
        env={**environment, "AICMO_CRASH_AT": step},
    )
    assert crashed.returncode == 137, crashed.stderr
    assert runs(environment)[0]["state"] == "RUNNING"

    resumed = aicmo("resume", env=environment)

    assert resumed.returncode == 0, resumed.stderr
    assert "DELIVERED" in resumed.stdout
    assert counts(environment) == (1, 1, 1, 47, 1, 1, 9)
    assert len(list((tmp_path / "out").glob("*/*/manifest.json"))) == 1
    assert "nothing to resume" in aicmo("resume", env=environment).stdout
    shown = json.loads(aicmo("runs", "show", runs(environment)[0]["run_id"], "--json", env=environment).stdout)
    attempts = {entry["name"]: entry["attempts"] for entry in shown["steps"] if entry["name"] in STEPS}
    assert attempts == {name: 2 if name == step else 1 for name in STEPS}, "the crashed step ran twice, the others once"


def test_an_approval_wait_survives_a_restart_and_a_rejection_revises_first(environment, tmp_path):
    waiting = aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), env=environment)
    assert waiting.returncode == 0, waiting.stderr
    [run] = runs(environment)
    assert run["state"] == "AWAITING_APPROVAL"

    rejected = aicmo("reject", run["run_id"], "--comment", "Warmer please", env=environment)
    assert rejected.returncode == 0, rejected.stderr
    assert (
        'The template writer cannot follow a free-text comment ("Warmer please"), so it reworded 30 calendar entries,'
        in rejected.stdout
    )
    assert runs(environment)[0]["state"] == "AWAITING_APPROVAL"
    assert "not passed" not in rejected.stdout, "the reworded pack passes QC as the first one did"

    approved = aicmo("approve", run["run_id"], "--comment", "Lovely", env=environment)

    assert approved.returncode == 0 and "DELIVERED" in approved.stdout, approved.stderr
    assert counts(environment)[4:] == (2, 1, 9), "two QC runs (before and after the revision), one package"
    shown = json.loads(aicmo("runs", "show", run["run_id"], "--json", env=environment).stdout)
    steps = [step["name"] for step in shown["steps"]]
    assert steps.count("evaluate_qc") == 2 and steps.count("revise_pack") == 1 and steps[-1] == "finish_run"
    assert [event["event_type"] for event in shown["events"]] == ["PackageBuilt", "WorkflowCompleted"]


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["approve", "00000000-0000-4000-8000-000000000000"], "no run"),
        (["reject", "00000000-0000-4000-8000-000000000000", "--comment", "x"], "no run"),
    ],
)
def test_deciding_on_an_unknown_run_exits_2(tmp_path, command, says):
    result = aicmo(*command, env={"AICMO_HOME": str(tmp_path / "home")})

    assert result.returncode == 2 and says in result.stderr


def test_deciding_on_a_run_that_is_not_waiting_leaves_it_unchanged(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), "--auto-approve", env=env)
    [before] = runs(env)

    approve = aicmo("approve", before["run_id"], env=env)
    reject = aicmo("reject", before["run_id"], "--comment", "again", env=env)

    assert approve.returncode == reject.returncode == 2
    assert "is DELIVERED, not waiting for approval" in approve.stderr
    assert runs(env) == [before]


def test_a_run_recorded_by_an_earlier_workflow_version_is_refused_with_the_way_on_and_left_waiting(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), env=env)
    [waiting] = runs(env)
    durable = create_engine(f"sqlite:///{tmp_path / 'home' / 'durable.sqlite'}")
    with durable.begin() as connection:
        connection.execute(text("UPDATE workflow_status SET application_version = 'aicmo-1'"))
    durable.dispose()

    approve = aicmo("approve", waiting["run_id"], env=env, timeout=60)

    assert approve.returncode == 2, approve.stderr
    assert "was recorded by an earlier AICMO (workflow aicmo-1)" in approve.stderr
    assert "start it again with `aicmo run BRIEF`" in approve.stderr
    assert runs(env) == [waiting]


def test_twenty_concurrent_runs_each_deliver_once(settings, tmp_path):
    brief = example("northwind")
    with bootstrap(settings) as app:
        ids = [
            app.workflows.start_client_to_delivery(
                brief.model_copy(update={"brand": brief.brand.model_copy(update={"name": f"Client {n:02d}"})}),
                "concurrent",
                tmp_path / "out",
                RunOptions(auto_approve=True),
            )
            for n in range(20)
        ]
        states = [app.workflows.wait(run_id, timeout_seconds=300).state for run_id in ids]
        with app.db.engine.connect() as connection:
            packages = connection.execute(text("SELECT count(DISTINCT run_key) FROM delivery_packages")).scalar()

    assert states == [RunState.DELIVERED] * 20
    assert packages == 20
    assert len({p.parent.name for p in Path(tmp_path / "out").glob("*/*/manifest.json")}) == 20
