"""Several `aicmo` processes at once on one home: each foreground command does its own work,
hands nothing to a process that is about to exit, and every process exits when its work is
done — on a migrated home and on an empty one."""

import json
import os
import subprocess
import time

import pytest

from tests.conftest import EXAMPLE_BRIEF

from .cli import AICMO, aicmo

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PARALLEL = 8
DEADLINE = 240


def start(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [AICMO, *args],
        env={**os.environ, "COLUMNS": "200", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_all(processes: list[subprocess.Popen], deadline: float = DEADLINE) -> list[tuple[int | None, str, str]]:
    """Each process's exit code and output; None for one still running at the deadline (then killed)."""
    until = time.monotonic() + deadline
    results = []
    for process in processes:
        try:
            stdout, stderr = process.communicate(timeout=max(1.0, until - time.monotonic()))
            results.append((process.returncode, stdout, stderr))
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
            results.append((None, stdout, stderr))
    return results


def runs(env: dict[str, str]) -> list[dict]:
    return json.loads(aicmo("runs", "--json", "--limit", "500", env=env).stdout)


def run_in_parallel(env: dict[str, str], out: str) -> list[tuple[int | None, str, str]]:
    processes = [start("run", str(EXAMPLE_BRIEF), "--out", out, "--auto-approve", env=env) for _ in range(PARALLEL)]
    return finish_all(processes)


def test_parallel_runs_on_a_migrated_home_each_finish_their_own_run(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    assert aicmo("db", "upgrade", env=env).returncode == 0

    results = run_in_parallel(env, str(tmp_path / "out"))

    assert [code for code, _, _ in results] == [0] * PARALLEL, [err[-400:] for _, _, err in results]
    assert [run["state"] for run in runs(env)] == ["DELIVERED"] * PARALLEL
    assert len(list((tmp_path / "out").glob("*/*/manifest.json"))) == PARALLEL


def test_parallel_first_runs_on_an_empty_home_all_succeed(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}

    results = run_in_parallel(env, str(tmp_path / "out"))

    assert [code for code, _, _ in results] == [0] * PARALLEL, [err[-400:] for _, _, err in results]
    assert [run["state"] for run in runs(env)] == ["DELIVERED"] * PARALLEL
    assert len((tmp_path / "home" / "secret.key").read_text().strip()) == 64


def test_deciding_on_one_of_two_waiting_runs_exits_and_leaves_the_other_waiting(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    for _ in range(2):
        waiting = aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), env=env)
        assert waiting.returncode == 0, waiting.stderr
    second, first = runs(env)

    [(code, stdout, stderr)] = finish_all([start("approve", first["run_id"], env=env)], deadline=120)

    assert code == 0, stderr
    assert "DELIVERED" in stdout
    assert {run["run_id"]: run["state"] for run in runs(env)} == {
        first["run_id"]: "DELIVERED",
        second["run_id"]: "AWAITING_APPROVAL",
    }
    [(code, stdout, stderr)] = finish_all(
        [start("reject", second["run_id"], "--comment", "Warmer please", env=env)], deadline=120
    )
    assert code == 0 and "waiting again" in stdout, stderr
    [(code, stdout, stderr)] = finish_all([start("approve", second["run_id"], env=env)], deadline=120)
    assert code == 0 and "DELIVERED" in stdout, stderr


def test_resume_finishes_a_crashed_run_and_leaves_a_waiting_one_alone(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    assert aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), env=env).returncode == 0
    crashed = aicmo(
        "run",
        str(EXAMPLE_BRIEF),
        "--out",
        str(tmp_path / "out"),
        "--auto-approve",
        env={**env, "AICMO_CRASH_AT": "generate_pack"},
    )
    assert crashed.returncode == 137

    [(code, stdout, stderr)] = finish_all([start("resume", env=env)], deadline=120)

    assert code == 0, stderr
    assert sorted(run["state"] for run in runs(env)) == ["AWAITING_APPROVAL", "DELIVERED"]
