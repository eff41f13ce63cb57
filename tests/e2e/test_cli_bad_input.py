"""A user's mistake: exit 2, one clear line, no traceback, nothing written."""

import uuid

import pytest

from tests.conftest import EXAMPLE_BRIEF

from .cli import aicmo


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("AICMO_HOME", str(home))
    return home


def assert_refused(result, home, expected: str) -> None:
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not home.exists(), "nothing may be written for bad input"


def test_a_missing_file(home, tmp_path):
    assert_refused(aicmo("run", str(tmp_path / "nope.yaml"), "--auto-approve"), home, "not found")


def test_a_folder(home, tmp_path):
    assert_refused(aicmo("run", str(tmp_path), "--auto-approve"), home, "is a folder")


def test_a_binary_file(home, tmp_path):
    binary = tmp_path / "logo.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_refused(aicmo("run", str(binary), "--auto-approve"), home, "binary file")


def test_broken_yaml(home, tmp_path):
    broken = tmp_path / "brief.yaml"
    broken.write_text("brand:\n  name: [Northwind\n")
    assert_refused(aicmo("run", str(broken), "--auto-approve"), home, "not valid YAML/JSON (line")


def test_an_invalid_brief_lists_every_problem(home, tmp_path):
    brief = tmp_path / "brief.yaml"
    brief.write_text("brand: {name: Acme}\ngoal: {objective: fame}\n")
    result = aicmo("run", str(brief), "--auto-approve")

    assert_refused(result, home, "the brief has 5 problems")
    for field in ("brand.industry", "audience", "goal.objective", "plan"):
        assert f"- {field}:" in result.stderr


def test_approving_an_unknown_run(tmp_path):
    result = aicmo("approve", str(uuid.uuid4()))

    assert result.returncode == 2
    assert "no run" in result.stderr


def test_approving_something_that_is_not_a_run_id():
    result = aicmo("approve", "yesterday's")

    assert result.returncode == 2
    assert "yesterday's\" is not a run id" in result.stderr


def test_waiving_without_a_reason_is_refused_and_nothing_changes(tmp_path):
    result = aicmo("qc", "waive", str(uuid.uuid4()), "--reason", "  ")

    assert result.returncode == 2
    assert "a waiver needs a reason" in result.stderr and "reason:" in result.stderr


def test_waiving_an_unknown_finding(tmp_path):
    result = aicmo("qc", "waive", str(uuid.uuid4()), "--reason", "client approved")

    assert result.returncode == 2 and "no QC finding" in result.stderr


def test_a_bad_email_target_is_refused_before_anything_runs(home):
    from tests.conftest import EXAMPLE_BRIEF

    result = aicmo("run", str(EXAMPLE_BRIEF), "--email", "not-an-address", "--auto-approve")

    assert_refused(result, home, "the delivery targets cannot be used")
    assert "--email not-an-address" in result.stderr and "AICMO_SMTP_URL" in result.stderr
    assert "must have an @-sign — give an address such as client@example.org" in result.stderr


def test_a_wrong_setting_is_named_with_one_line_and_nothing_runs(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home"), "AICMO_WRITER": "gpt", "AICMO_LLM_API_KEY": "sk-secret"}

    listed = aicmo("runs", env=env)
    ran = aicmo(
        "run",
        str(EXAMPLE_BRIEF),
        "--auto-approve",
        env={**env, "AICMO_WRITER": "template", "AICMO_LLM_TIMEOUT_SECONDS": "soon"},
    )

    assert (
        listed.returncode == 2
        and "AICMO_WRITER: Input should be 'template', 'openai' or 'anthropic' (got 'gpt')" in listed.stderr
    )
    assert ran.returncode == 2 and "AICMO_LLM_TIMEOUT_SECONDS" in ran.stderr and "'soon'" in ran.stderr
    assert "Traceback" not in listed.stderr + ran.stderr and "sk-secret" not in listed.stderr
    assert not (tmp_path / "home" / "aicmo.sqlite").exists()
