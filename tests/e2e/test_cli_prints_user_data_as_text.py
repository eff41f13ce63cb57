"""Text from briefs, CSV files and the database reaches the terminal as text: never as rich
markup, never as a link, never as an escape sequence the terminal would obey."""

import json
import uuid

import pytest
import yaml
from sqlalchemy import MetaData, Table, create_engine, insert, select

from aicmo.platform.settings import Settings
from tests.conftest import EXAMPLE_BRIEF

from .cli import aicmo

pytestmark = pytest.mark.e2e
HOSTILE = "Evil \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ \x1b[31mred\x07 \x9b2J"
TERMINAL = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "200"}
"""A terminal as rich sees it: markup and links would become escape sequences."""


def brief_named(tmp_path, name: str):
    document = yaml.safe_load(EXAMPLE_BRIEF.read_text(encoding="utf-8"))
    document["brand"]["name"] = name
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def plant_run(settings: Settings, client_name: str) -> str:
    """A run stored with `client_name` as an older version or another writer could have left it."""
    engine = create_engine(settings.resolved_database_url)
    runs = Table("orchestration_runs", MetaData(), autoload_with=engine)
    run_id = uuid.uuid4()
    with engine.begin() as connection:
        row = connection.execute(select(runs).limit(1)).mappings().one()
        connection.execute(insert(runs).values({**row, "id": run_id.hex, "client_name": client_name}))
    engine.dispose()
    return str(run_id)


def test_a_brand_with_rich_markup_runs_to_delivered_and_prints_literally(sqlite_settings, tmp_path):
    ran = aicmo("run", str(brief_named(tmp_path, "Acme [/bold]")), "--out", str(tmp_path / "out"), "--auto-approve")
    [run] = json.loads(aicmo("runs", "--json").stdout)
    listed = aicmo("runs")
    shown = aicmo("runs", "show", run["run_id"])

    assert ran.returncode == 0, ran.stderr
    assert "Acme [/bold]: DELIVERED" in ran.stdout
    assert run["state"] == "DELIVERED"
    assert listed.returncode == 0 and "Acme [/bold]" in listed.stdout, listed.stderr
    assert shown.returncode == 0 and "Acme [/bold]: DELIVERED" in shown.stdout, shown.stderr


def test_escape_sequences_stored_in_a_client_name_are_shown_not_obeyed(sqlite_settings, tmp_path):
    assert aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), "--auto-approve").returncode == 0
    hostile = plant_run(sqlite_settings, HOSTILE)

    outputs = [
        aicmo("runs"),
        aicmo("runs", "show", hostile),
        aicmo("runs", "--json"),
        aicmo("runs", "show", hostile, "--json"),
    ]

    for result in outputs:
        assert result.returncode == 0, result.stderr
        printed = result.stdout + result.stderr
        assert not set(printed) & {"\x1b", "\x07", "\x9b"}, repr(printed)
    assert r"Evil \x1b]8;;https://evil.example\x1b\click" in outputs[1].stdout
    assert json.loads(outputs[3].stdout)["run"]["client_name"] == HOSTILE


def test_markup_and_links_in_a_lead_are_printed_literally_on_a_terminal(tmp_path):
    csv = "email,first_name,company\r\nbo@example.org,Bo [/bold],[link=https://evil.example]x[/link]\r\n"
    (tmp_path / "leads.csv").write_text(csv, encoding="utf-8")
    aicmo("cam", "campaign", "create", "Coffee")
    aicmo("cam", "import", str(tmp_path / "leads.csv"), "--campaign", "Coffee")
    [lead] = json.loads(aicmo("cam", "leads", "--json").stdout)

    listed = aicmo("cam", "leads", env=TERMINAL)
    shown = aicmo("cam", "lead", lead["lead_id"], env=TERMINAL)

    for result in (listed, shown):
        assert result.returncode == 0, result.stderr
        assert "[link=https://evil.example]x[/link]" in result.stdout
        assert "\x1b]8;" not in result.stdout, "no terminal hyperlink"
    assert "Bo [/bold]" in listed.stdout
