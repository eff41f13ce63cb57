"""A small brief written end to end by a real model: `aicmo run` with the openai writer
against llama.cpp's server running SmolLM2-135M on this machine's CPU. The tiny model's
prose is not judged; the whole path is: prompts, JSON-Schema output, validation, second
chances, QC, the ledger, and a run that ends in a state an operator can act on. One
model-written item (a blog outline) is enough for that path: the model's time on both
cores is most of this test's cost, and the emails' calls are tested against a local
OpenAI-compatible server in test_model_writer_runs."""

import json

import pytest

from stand_ins.local_model import MODEL, LocalModelServer, ModelMissing

from .cli import aicmo

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
BRIEF = """
brand: {name: Northwind Roasters, industry: Specialty coffee, product: Single-origin coffee subscriptions}
audience: {primary: Home brewers, pain_points: [Supermarket beans are stale]}
goal: {objective: sales}
voice: {tone: [warm], banned_words: [cheap], required_disclaimers: ["Free bag for new subscribers only."]}
plan: {deliverables: [strategy, blog_outline], start_date: 2027-05-03}
"""
RUN_SECONDS = 40 * 60
"""A few minutes on an idle 2-core machine. On one shared by many busy processes the model
may fall to about 1 token/s and the run overruns this: the test then fails with the timeout."""


@pytest.mark.timeout(RUN_SECONDS + 300)
def test_a_small_brief_runs_end_to_end_through_a_real_model_on_a_real_server(tmp_path):
    (tmp_path / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    try:
        local_model = LocalModelServer()
    except ModelMissing as missing:
        pytest.skip(str(missing))
    with local_model as server:
        env = {
            "AICMO_HOME": str(tmp_path / "home"),
            "AICMO_WRITER": "openai",
            "AICMO_LLM_MODEL": MODEL,
            "AICMO_LLM_BASE_URL": server.base_url,
            "AICMO_LLM_TIMEOUT_SECONDS": "900",
            "AICMO_LLM_CONCURRENCY": "1",  # the server has one slot: more calls at once would only queue there
        }
        ran = aicmo(
            "run",
            str(tmp_path / "brief.yaml"),
            "--out",
            str(tmp_path / "out"),
            "--auto-approve",
            "--hold-on-fail",
            env=env,
            timeout=RUN_SECONDS,
        )
        [run] = json.loads(aicmo("runs", "--json", env=env).stdout)
        shown = aicmo("runs", "show", run["run_id"], env=env)
        doctor = aicmo("doctor", env=env)

    assert "Traceback" not in ran.stdout + ran.stderr
    assert "model calls: " in shown.stdout and f"(openai:{MODEL})" in shown.stdout, shown.stdout
    assert "ok   model listed: smollm2" in doctor.stdout, doctor.stdout
    if run["state"] == "DELIVERED":
        assert ran.returncode == 0 and list((tmp_path / "out").rglob("*.zip"))
    elif run["state"] == "AWAITING_APPROVAL":
        assert ran.returncode == 0 and "QC score" in ran.stdout and "not passed" in ran.stdout, ran.stdout
    else:
        assert run["state"] == "COMPENSATED" and ran.returncode == 1, run
        step, _, reason = run["error"].partition(": ")
        assert step in {"generate_pack", "revise_pack"} and "invalid" in reason, run["error"]
