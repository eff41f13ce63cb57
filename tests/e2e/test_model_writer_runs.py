"""Whole runs written by a model through the openai writer (a scripted server on loopback):
calls charged to the run and shown, costs summed, and a step resumed after a crash in
the middle of its calls pays for no answer twice."""

import collections
import json
import os
import signal
import subprocess

import pytest

from tests.model_servers import ModelServer, Script

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
