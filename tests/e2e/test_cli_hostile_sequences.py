"""Sequence files made to hurt, given to the real `aicmo cam sequence`: they get the limits
briefs have (a regular file, 1 MiB, nesting counted through aliases, no alias loops), each
refused with exit 2 and one line, no traceback, nothing stored — and never a hang."""

import os
from pathlib import Path

import pytest

from .cli import aicmo

pytestmark = pytest.mark.e2e
QUICK = 60
"""Seconds a refusal may take at most here; a reader that blocks or reads forever fails the test."""
ALIAS_CHAIN = "\n".join(["- &a0 [x]"] + [f"- &a{i} [*a{i - 1}]" for i in range(1, 3000)])
"""Each list holds the one before: a few kilobytes that nest 3,000 levels deep once built."""


@pytest.fixture
def env(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    aicmo("cam", "campaign", "create", "Coffee", env=env)
    return env


def planted(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "steps.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "huge":
        with path.open("wb") as file:
            file.truncate(3 * 1024**3)
    else:
        path.write_text({"deep": "[" * 1000 + "]" * 1000, "aliases": ALIAS_CHAIN, "loop": "- &steps [*steps]\n"}[kind])
    return path


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("fifo", "is not a regular file (a device, pipe or socket) — give a sequence file"),
        ("huge", "the sequence is 3,221,225,472 bytes; the limit is 1 MiB"),
        ("deep", "nested more than 4 levels deep (line 1, column 6) — a sequence needs four"),
        ("aliases", "nested more than 4 levels deep"),
        ("loop", "the alias *steps sits inside what it names — remove the loop"),
    ],
)
def test_a_hostile_sequence_file_is_refused_in_one_line(env, tmp_path, kind, expected):
    result = aicmo("cam", "sequence", "Coffee", str(planted(tmp_path, kind)), env=env, timeout=QUICK)
    shown = aicmo("cam", "campaigns", env=env)

    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and expected in result.stderr, result.stderr
    assert "Coffee" in shown.stdout


def test_device_files_are_not_read(env):
    result = aicmo("cam", "sequence", "Coffee", "/dev/zero", env=env, timeout=QUICK)

    assert result.returncode == 2 and "/dev/zero is not a regular file" in result.stderr
