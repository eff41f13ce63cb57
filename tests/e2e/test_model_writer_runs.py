"""Whole runs written by a model through the openai writer (a scripted server on loopback):
calls charged to the run and shown, costs summed, and a step resumed after a crash in
the middle of its calls pays for no answer twice."""

import collections
import datetime as dt
import json
import os
import signal
import subprocess
import time

import pytest
from sqlalchemy import create_engine, text

from stand_ins.model_server import ModelServer, Script

from .cli import AICMO, aicmo, waive_open_blockers

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
        of_client = json.loads(
            aicmo("costs", "--client", "Northwind Roasters", "--since", "2000-01-01", "--json", env=env).stdout
        )
        other_client = json.loads(aicmo("costs", "--client", "Ledgerly", "--json", env=env).stdout)
        next_year = f"{dt.date.today().year + 1}-01-01"
        from_next_year = json.loads(aicmo("costs", "--since", next_year, "--json", env=env).stdout)
        bad_day = aicmo("costs", "--since", "yesterday", env=env)
        table = aicmo("costs", env=env)

    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert len(server.answered) >= 5, "one call per email at least"
    assert f"model calls: {len(server.seen)} (openai:gpt-4o-mini)" in shown.stdout
    [line] = costs
    assert line["client"] == "Northwind Roasters" and line["calls"] == len(server.seen) and line["cost_usd"] > 0
    assert of_client == costs and other_client == [] and from_next_year == []
    assert bad_day.returncode == 2 and len(bad_day.stderr.strip().splitlines()) == 1 and "--since" in bad_day.stderr
    assert "Northwind Roasters" in table.stdout and "gpt-4o-mini" in table.stdout


def test_a_step_killed_between_its_calls_pays_for_no_answer_twice(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    with ModelServer(Script(hold_from=4)) as server:
        env = {**os.environ, **_env(tmp_path, server)}
        child = subprocess.Popen(
            [AICMO, "run", str(tmp_path / "brief.yaml"), "--auto-approve", "--hold-on-fail"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert server.holding.wait(timeout=120), "the run never reached its fourth model call"
        _until_stored(tmp_path, len(server.answered))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        server.script.hold_from = None
        resumed = aicmo("resume", env=env)

    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "AWAITING_APPROVAL" in resumed.stdout or "DELIVERED" in resumed.stdout
    answered = collections.Counter(server.answered)
    assert len(answered) >= 5 and set(answered.values()) == {1}, "every prompt was answered exactly once"


def _until_stored(tmp_path, answers: int) -> None:
    """Wait until the run has stored every answer it was sent: one killed while reading an answer pays it again."""
    engine = create_engine(f"sqlite:///{tmp_path / 'home' / 'aicmo.sqlite'}")
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                if connection.execute(text("SELECT count(*) FROM creatives_responses")).scalar_one() >= answers:
                    return
            time.sleep(0.05)
    finally:
        engine.dispose()
    raise AssertionError(f"the run did not store the {answers} answers it was sent")


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
        waive_open_blockers(run_id, env)
        approved = aicmo("approve", run_id, env=env)

    assert waiting.returncode == 0 and rejected.returncode == 0, waiting.stdout + rejected.stdout + rejected.stderr
    assert 'rewritten with the comment "Mention the Ethiopian lot"' in rejected.stdout
    assert len(rewrites) >= 5 and all("Operator: Mention the Ethiopian lot" in prompt for prompt in rewrites)
    assert approved.returncode == 0 and "DELIVERED" in approved.stdout, approved.stdout + approved.stderr
    [plan] = out.glob("*/*/plan.md")
    assert plan.read_text(encoding="utf-8").count("The Ethiopian lot arrives this week.") == 5


def test_a_run_that_reaches_its_budget_stops_at_that_step_and_compensates(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    with ModelServer() as server:
        env = {**_env(tmp_path, server), "AICMO_LLM_MAX_COST_PER_RUN": "0.000001", "AICMO_LLM_CONCURRENCY": "3"}
        ran = aicmo("run", str(tmp_path / "brief.yaml"), "--auto-approve", env=env)
        [run] = json.loads(aicmo("runs", "--json", env=env).stdout)

    assert ran.returncode == 1
    assert len(server.seen) == 3, (
        "the calls asked together before any cost was known, none after the budget was reached"
    )
    assert run["state"] == "COMPENSATED" and run["error"].startswith("generate_pack: ")
    assert "AICMO_LLM_MAX_COST_PER_RUN" in run["error"]


@pytest.mark.parametrize(
    ("mistake", "line"),
    [
        ({"AICMO_LLM_MODEL": "gpt-5-huge"}, "the model server has no model 'gpt-5-huge': check AICMO_LLM_MODEL"),
        (
            {"AICMO_LLM_API_KEY": "wrong-key"},
            "the model server refused the key: check AICMO_LLM_API_KEY (or OPENAI_API_KEY)",
        ),
        (
            {"AICMO_LLM_BASE_URL": "http://127.0.0.1:9/v1", "AICMO_LLM_TIMEOUT_SECONDS": "1"},
            "the model server failed 4 times (model server unreachable: APIConnectionError): check AICMO_LLM_BASE_URL",
        ),
    ],
    ids=["unknown model", "wrong key", "unreachable server"],
)
def test_a_wrong_model_setting_ends_the_run_with_one_line_naming_it(tmp_path, mistake, line):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    script = Script(default="401") if "AICMO_LLM_API_KEY" in mistake else Script()
    with ModelServer(script) as server:
        ran = aicmo("run", str(tmp_path / "brief.yaml"), "--auto-approve", env={**_env(tmp_path, server), **mistake})

    assert ran.returncode == 1
    assert f"the run did not deliver: generate_pack: {line}\n" in ran.stdout + ran.stderr
    assert "Traceback" not in ran.stdout + ran.stderr


def test_a_fallback_is_recorded_on_the_item_and_shown_in_the_qc_report_and_the_manifest(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    out = tmp_path / "out"
    with ModelServer(Script(default="prose")) as server:
        env = {**_env(tmp_path, server), "AICMO_LLM_FALLBACK": "template"}
        ran = aicmo("run", str(tmp_path / "brief.yaml"), "--out", str(out), "--auto-approve", env=env)
    engine = create_engine(f"sqlite:///{tmp_path / 'home' / 'aicmo.sqlite'}")
    with engine.connect() as connection:
        query = "SELECT writer, fallback_reason FROM production_items WHERE kind = 'email'"
        items = connection.execute(text(query)).all()
    engine.dispose()
    assert ran.returncode == 0 and "DELIVERED" in ran.stdout, ran.stdout + ran.stderr
    [report] = out.glob("*/*/qc-report.md")
    [manifest] = out.glob("*/*/manifest.json")
    fallbacks = json.loads(manifest.read_text(encoding="utf-8"))["fallbacks"]
    assert len(items) == 5 and all(writer == "template" and "invalid twice" in reason for writer, reason in items)
    reported = report.read_text(encoding="utf-8")
    assert reported.count("written by the template writer because the model's answer was invalid twice") == 5
    assert [entry["kind"] for entry in fallbacks] == ["email"] * 5
    assert all("invalid twice" in entry["reason"] for entry in fallbacks)


def test_a_rejection_can_name_the_items_to_rewrite(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    out = tmp_path / "out"
    with ModelServer() as server:
        env = _env(tmp_path, server)
        aicmo("run", str(tmp_path / "brief.yaml"), "--out", str(out), "--hold-on-fail", env=env)
        run_id = json.loads(aicmo("runs", "--json", env=env).stdout)[0]["run_id"]
        engine = create_engine(f"sqlite:///{tmp_path / 'home' / 'aicmo.sqlite'}")
        with engine.connect() as connection:
            first_email = (
                connection.execute(text("SELECT id FROM production_items WHERE kind = 'email' ORDER BY position"))
                .scalars()
                .first()
            )
        engine.dispose()
        unknown = aicmo("reject", run_id, "--comment", "Mention the Ethiopian lot", "--item", "ffffffff", env=env)
        before = len(server.seen)
        rejected = aicmo(
            "reject", run_id, "--comment", "Mention the Ethiopian lot", "--item", str(first_email)[:8], env=env
        )
        rewrites = server.seen[before:]
        waive_open_blockers(run_id, env)
        aicmo("approve", run_id, env=env)

    assert unknown.returncode == 2 and "--item: 'ffffffff' is not an item of this run's pack" in unknown.stderr
    assert rejected.returncode == 0 and "1 item rewritten with the comment" in rejected.stdout, (
        rejected.stdout + rejected.stderr
    )
    assert rewrites and all(
        "Operator: Mention the Ethiopian lot" in seen.prompt and "(item 1 of its kind" in seen.prompt
        for seen in rewrites
    )
    assert len(rewrites) <= 2, "one item: its rewrite, and at most one other wording if it echoed another item"
    [plan] = out.glob("*/*/plan.md")
    assert plan.read_text(encoding="utf-8").count("The Ethiopian lot arrives this week.") == 1
