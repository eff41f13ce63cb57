"""Brief files made to hurt, given to the real `aicmo run`: exit 2, one line naming the file
or the field and the fix, no traceback, nothing written — and never a hang."""

import json
import os
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, inspect

from tests.briefs import BRIEFS

from .cli import aicmo

MINIMAL = (BRIEFS / "minimal.yaml").read_text()
QUICK = 60
"""Seconds a refusal may take at most here; a reader that blocks or reads forever fails the test."""


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("AICMO_HOME", str(home))
    return home


def refused(path: Path, home: Path, **env: str) -> str:
    result = aicmo("run", str(path), "--auto-approve", env=env, timeout=QUICK)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert not home.exists(), "nothing may be written for bad input"
    return result.stderr


def brief_with(tmp_path: Path, name: str, section: str, key: str, value: object) -> Path:
    document = yaml.safe_load(MINIMAL)
    document[section][key] = value
    path = tmp_path / name
    path.write_text(json.dumps(document, default=str))
    return path


def test_a_fifo_is_refused_without_waiting_for_a_writer(home, tmp_path):
    fifo = tmp_path / "brief.yaml"
    os.mkfifo(fifo)

    assert "is not a regular file" in refused(fifo, home)


def test_a_device_that_never_ends_is_not_read(home):
    assert "/dev/zero is not a regular file" in refused(Path("/dev/zero"), home)


def test_a_file_over_the_limit_is_refused_by_its_size(home, tmp_path):
    big = tmp_path / "brief.yaml"
    with big.open("wb") as file:
        file.truncate(3 * 1024**3)

    assert "3,221,225,472 bytes; the limit is 1 MiB" in refused(big, home)


def test_a_utf16_brief_is_named_as_utf16(home, tmp_path):
    path = tmp_path / "brief.yaml"
    path.write_bytes(MINIMAL.encode("utf-16"))

    assert "is UTF-16 text — save it as UTF-8" in refused(path, home)


@pytest.mark.parametrize(
    ("name", "content"),
    [("brief.yaml", "[" * 1000 + "]" * 1000), ("brief.json", "[" * 100_000 + "]" * 100_000)],
)
def test_deep_nesting_is_refused(home, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)

    assert "nested more than 10 levels deep" in refused(path, home)


def test_a_line_break_in_the_brand_name_is_refused(home, tmp_path):
    path = brief_with(tmp_path, "brief.json", "brand", "name", "Harbor\r\nBcc: victim@example.org")

    assert "- brand.name: contains a line break — keep it on one line" in refused(path, home)


def test_an_unknown_deliverable_is_answered_with_the_value_given(home, tmp_path):
    path = brief_with(tmp_path, "brief.json", "plan", "deliverables", ["strategy", "hologram"])

    assert "- plan.deliverables[1]: 'hologram' is not a deliverable; use one of 'strategy'" in refused(path, home)


@pytest.mark.postgres
def test_a_nul_in_a_field_is_refused_before_postgres_sees_it(home, tmp_path, postgres_url):
    path = brief_with(tmp_path, "brief.json", "audience", "primary", "Parents\x00nearby")

    stderr = refused(path, home, AICMO_DATABASE_URL=postgres_url)

    assert "- audience.primary: contains the control character U+0000 — remove it" in stderr
    engine = create_engine(postgres_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
