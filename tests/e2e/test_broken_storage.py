"""A damaged database, a read-only data folder, a full disk: every command ends with one line
that names the file or folder and the fix, exit code 1, no traceback, and no hang."""

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_BRIEF

from .cli import aicmo

pytestmark = pytest.mark.e2e
COMMANDS = [["run", str(EXAMPLE_BRIEF), "--auto-approve"], ["runs"], ["resume"]]
DEADLINE = 120


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A home with both databases at head, copied by each test that damages it."""
    home = tmp_path_factory.mktemp("migrated") / "home"
    assert aicmo("db", "upgrade", env={"AICMO_HOME": str(home)}).returncode == 0
    return home


def damage(path: Path, how: str) -> None:
    for companion in path.parent.glob(f"{path.name}-*"):
        companion.unlink()
    if how == "truncated":
        path.write_bytes(path.read_bytes()[:5000])
    else:
        path.write_bytes(b"this is not a database, just some text\n" * 200)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("how", ["garbage", "truncated"])
@pytest.mark.parametrize("name", ["aicmo.sqlite", "durable.sqlite"])
def test_a_damaged_database_is_named_by_every_command(migrated, tmp_path, name, how):
    home = tmp_path / "home"
    shutil.copytree(migrated, home)
    damage(home / name, how)
    env = {"AICMO_HOME": str(home)}

    for command in COMMANDS:
        result = aicmo(*command, env=env, timeout=DEADLINE)
        assert result.returncode == 1, (command, result.stderr)
        assert one_line(result) == (
            f"error: {home / name}: the database is damaged"
            " — restore it from a backup, or move it aside to start with an empty one"
        )
    before = sorted(home.iterdir())
    doctor = aicmo("doctor", env=env, timeout=DEADLINE)

    assert doctor.returncode == 1 and "Traceback" not in doctor.stdout + doctor.stderr
    assert f"fail database file {name}: {home / name} is damaged" in doctor.stdout
    assert sorted(home.iterdir()) == before, "doctor created no file"


def test_doctor_creates_nothing_on_a_home_that_does_not_exist(tmp_path):
    home = tmp_path / "home"

    doctor = aicmo("doctor", env={"AICMO_HOME": str(home)})

    assert doctor.returncode == 1
    assert (
        f"fail database file durable.sqlite: {home / 'durable.sqlite'} does not exist yet — fix: run `aicmo db upgrade`"
        in doctor.stdout
    )
    assert not home.exists()


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A 16 MB tmpfs of its own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip(
            "mounting a small tmpfs needs root; run the tests as root to cover a full disk and a read-only home"
        )
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_read_only_home_is_named_with_the_fix(small_disk):
    home = small_disk / "home"
    env = {"AICMO_HOME": str(home)}
    assert aicmo("db", "upgrade", env=env).returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)

    for command in COMMANDS:
        result = aicmo(*command, env=env, timeout=DEADLINE)
        assert result.returncode == 1, (command, result.stderr)
        line = one_line(result)
        assert line.startswith(f"error: {home}") and "set AICMO_HOME to a folder you can write" in line, line
    doctor = aicmo("doctor", env=env, timeout=DEADLINE)
    assert doctor.returncode == 1 and f"fail data folder writable: {home}: Read-only file system" in doctor.stdout


def test_a_run_on_a_full_disk_ends_with_one_line(small_disk, tmp_path):
    home = small_disk / "home"
    env = {"AICMO_HOME": str(home)}
    assert aicmo("db", "upgrade", env=env).returncode == 0
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * (free - 300 * 1024))

    result = aicmo(
        "run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), "--auto-approve", env=env, timeout=DEADLINE
    )

    assert result.returncode == 1
    assert (
        one_line(result)
        == f"error: {home}: no space left on the device — free some space or set AICMO_HOME to a folder on another disk"
    )


def test_an_approval_and_a_resume_on_a_full_disk_end_with_one_line(small_disk, tmp_path):
    home = small_disk / "home"
    env = {"AICMO_HOME": str(home)}
    waiting = aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), env=env)
    assert waiting.returncode == 0, waiting.stderr
    [run] = json.loads(aicmo("runs", "--json", env=env).stdout)
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * (free - 100 * 1024))

    approved = aicmo("approve", run["run_id"], env=env, timeout=DEADLINE)
    resumed = aicmo("resume", env=env, timeout=DEADLINE)

    for result in (approved, resumed):
        assert result.returncode == 1
        assert one_line(result) == (
            f"error: {home}: no space left on the device"
            " — free some space or set AICMO_HOME to a folder on another disk"
        )
