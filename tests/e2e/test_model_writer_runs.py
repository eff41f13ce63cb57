"""Whole runs written by a model through the openai writer (a scripted server on loopback):
calls charged to the run and shown, costs summed, and a step resumed after a crash in
the middle of its calls pays for no answer twice."""

import collections
import json
import os
import signal
import subprocess

import pytest
from sqlalchemy import create_engine, text

from stand_ins.model_server import ModelServer, Script

from .cli import AICMO, aicmo

pytestmark = pytest.mark.e2e
BRIEF = """
brand: {name: Northwind Roasters, industry: Specialty coffee, product: Single-origin coffee subscriptions}
audience: {primary: Home brewers}
goal: {objective: sales}
voice: {banned_words: [cheap], required_disclaimers: ["Free bag for new subscribers only."]}
plan: {deliverables: [strategy, email_sequence], start_date: 2027-05-03}
"""


def _env(tmp_path, server: ModelServer) -> dict[str, str]:
    return {
        "AICMO_HOME": str(tmp_path / "home"),
        "AICMO_WRITER": "openai",
        "AICMO_LLM_MODEL": "gpt-4o-mini",
        "AICMO_LLM_BASE_URL": server.base_url,
        "AICMO_LLM_API_KEY": "test-key",
    }


def test_a_run_charges_every_model_call_and_shows_it(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    with ModelServer() as server:
        env = _env(tmp_path, server)
        ran = aicmo("run", str(tmp_path / "brief.yaml"), "--auto-approve", "--hold-on-fail", env=env)
        listed = json.loads(aicmo("runs", "--json", env=env).stdout)
        shown = aicmo("runs", "show", listed[0]["run_id"], env=env)
        costs = json.loads(aicmo("costs", "--json", env=env).stdout)

    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert len(server.answered) >= 5, "one call per email at least"
    assert f"model calls: {len(server.seen)} (openai:gpt-4o-mini)" in shown.stdout
    [line] = costs
    assert line["client"] == "Northwind Roasters" and line["calls"] == len(server.seen) and line["cost_usd"] > 0


def test_a_step_killed_between_its_calls_pays_for_no_answer_twice(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    with ModelServer(Script(hold_from=4)) as server:
        env = {**os.environ, **_env(tmp_path, server)}
        child = subprocess.Popen([AICMO, "run", str(tmp_path / "brief.yaml"), "--auto-approve", "--hold-on-fail"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert server.holding.wait(timeout=120), "the run never reached its fourth model call"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        server.script.hold_from = None
        resumed = aicmo("resume", env=env)

    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "AWAITING_APPROVAL" in resumed.stdout or "DELIVERED" in resumed.stdout
    answered = collections.Counter(server.answered)
    assert len(answered) >= 5 and set(answered.values()) == {1}, "every prompt was answered exactly once"


def test_an_operator_comment_reaches_every_rewrite_and_the_rewrites_reach_the_package(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    out = tmp_path / "out"
    with ModelServer() as server:
        env = _env(tmp_path, server)
        waiting = aicmo("run", str(tmp_path / "brief.yaml"), "--out", str(out), "--hold-on-fail", env=env)
        run_id = json.loads(aicmo("runs", "--json", env=env).stdout)[0]["run_id"]
        before = len(server.seen)
        rejected = aicmo("reject", run_id, "--comment", "Mention the Ethiopian lot", env=env)
        rewrites = [seen.prompt for seen in server.seen[before:]]
        approved = aicmo("approve", run_id, env=env)

    assert waiting.returncode == 0 and rejected.returncode == 0, waiting.stdout + rejected.stdout + rejected.stderr
    assert "rewritten with the comment \"Mention the Ethiopian lot\"" in rejected.stdout
    assert len(rewrites) >= 5 and all("Operator: Mention the Ethiopian lot" in prompt for prompt in rewrites)
    assert approved.returncode == 0 and "DELIVERED" in approved.stdout, approved.stdout + approved.stderr
    [plan] = out.glob("*/*/plan.md")
    assert plan.read_text(encoding="utf-8").count("The Ethiopian lot arrives this week.") == 5


def test_a_run_that_reaches_its_budget_stops_at_that_step_and_compensates(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    with ModelServer() as server:
        env = {**_env(tmp_path, server), "AICMO_LLM_MAX_COST_PER_RUN": "0.000001"}
        ran = aicmo("run", str(tmp_path / "brief.yaml"), "--auto-approve", env=env)
        [run] = json.loads(aicmo("runs", "--json", env=env).stdout)

    assert ran.returncode == 1
    assert len(server.seen) == 1, "no call after the budget was reached"
    assert run["state"] == "COMPENSATED" and run["error"].startswith("generate_pack: ")
    assert "AICMO_LLM_MAX_COST_PER_RUN" in run["error"]


def test_a_rejection_can_name_the_items_to_rewrite(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    out = tmp_path / "out"
    with ModelServer() as server:
        env = _env(tmp_path, server)
        aicmo("run", str(tmp_path / "brief.yaml"), "--out", str(out), "--hold-on-fail", env=env)
        run_id = json.loads(aicmo("runs", "--json", env=env).stdout)[0]["run_id"]
        engine = create_engine(f"sqlite:///{tmp_path / 'home' / 'aicmo.sqlite'}")
        with engine.connect() as connection:
            first_email = connection.execute(text("SELECT id FROM production_items WHERE kind = 'email' ORDER BY position")).scalars().first()
        engine.dispose()
        unknown = aicmo("reject", run_id, "--comment", "Mention the Ethiopian lot", "--item", "ffffffff", env=env)
        before = len(server.seen)
        rejected = aicmo("reject", run_id, "--comment", "Mention the Ethiopian lot", "--item", str(first_email)[:8], env=env)
        rewrites = server.seen[before:]
        aicmo("approve", run_id, env=env)

    assert unknown.returncode == 2 and "--item: 'ffffffff' is not an item of this run's pack" in unknown.stderr
    assert rejected.returncode == 0 and "1 item rewritten with the comment" in rejected.stdout, rejected.stdout + rejected.stderr
    assert rewrites and all("Operator: Mention the Ethiopian lot" in seen.prompt and "(item 1 of its kind" in seen.prompt for seen in rewrites)
    assert len(rewrites) <= 2, "one item: its rewrite, and at most one other wording if it echoed another item"
    [plan] = out.glob("*/*/plan.md")
    assert plan.read_text(encoding="utf-8").count("The Ethiopian lot arrives this week.") == 1
