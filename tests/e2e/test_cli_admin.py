"""`aicmo doctor`, `aicmo db upgrade`, `aicmo runs` as an operator meets them."""

import json

from .cli import aicmo


def test_doctor_on_a_fresh_home_reports_migrations_behind_until_upgraded(tmp_path, monkeypatch):
    monkeypatch.setenv("AICMO_HOME", str(tmp_path / "home"))

    before = aicmo("doctor")
    upgraded = aicmo("db", "upgrade")
    after = aicmo("doctor")

    assert before.returncode == 1
    assert "fail migrations at head" in before.stdout and "run `aicmo db upgrade`" in before.stdout
    assert upgraded.returncode == 0 and "database at head" in upgraded.stdout
    assert after.returncode == 0, after.stdout
    for check in ("settings", "data folder writable", "database reachable", "migrations at head", "durable runtime"):
        assert f"ok   {check}" in after.stdout


def test_doctor_says_the_documents_name_no_agency_until_one_is_set(tmp_path, monkeypatch):
    monkeypatch.setenv("AICMO_HOME", str(tmp_path / "home"))

    unnamed = aicmo("doctor")
    monkeypatch.setenv("AICMO_AGENCY_NAME", "Brightside Agency")
    named = aicmo("doctor")

    assert "note agency name: AICMO_AGENCY_NAME is not set: the client documents name no agency" in unnamed.stdout
    assert "ok   agency name: Brightside Agency" in named.stdout


def test_doctor_names_an_unreachable_database_and_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("AICMO_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("AICMO_DATABASE_URL", "postgresql+psycopg://127.0.0.1:1/nowhere")

    result = aicmo("doctor")

    assert result.returncode == 1
    assert "fail database reachable" in result.stdout
    assert "correct AICMO_DATABASE_URL" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_runs_on_an_empty_database_says_how_to_start(tmp_path, monkeypatch):
    monkeypatch.setenv("AICMO_HOME", str(tmp_path / "home"))

    assert "no runs yet" in aicmo("runs").stdout
    assert json.loads(aicmo("runs", "--json").stdout) == []
