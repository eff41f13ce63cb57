"""Several `aicmo worker` processes on one Postgres database share the queued runs; when
one is killed, another takes over its runs, even one that was taken for dead before while
it was only paused. Each run is delivered exactly once."""

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import EXAMPLE_BRIEF

from .cli import AICMO, aicmo

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.slow]

T = TypeVar("T")


def start_worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [AICMO, "worker"], env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def queue_runs(env: dict[str, str], out: Path, count: int) -> None:
    """Queue `count` runs for the workers, from as many `aicmo run --detach` started at once."""
    command = [AICMO, "run", str(EXAMPLE_BRIEF), "--out", str(out), "--auto-approve", "--detach"]
    processes = [
        subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    for process in processes:
        _, error = process.communicate(timeout=240)
        assert process.returncode == 0, error


def states(env: dict[str, str]) -> list[str]:
    """The runs' states, read from the database: polling through `aicmo runs` would start a process each time."""
    engine = create_engine(env["AICMO_DATABASE_URL"])
    with engine.connect() as connection:
        result = list(connection.execute(text("SELECT state FROM orchestration_runs")).scalars())
    engine.dispose()
    return result


def wait_until(condition: Callable[[], T], url: str, timeout: float = 180) -> T:
    """The condition's first true value, polled until the timeout."""
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        assert time.monotonic() < deadline, f"timed out; the queue then:\n{queue_picture(url)}"
        time.sleep(0.5)
    return value


def queue_picture(url: str) -> str:
    """Each workflow's status, executor and queue, and each executor's status: what a timed-out wait saw."""
    engine = create_engine(url)
    with engine.connect() as connection:
        workflows = connection.execute(
            text("SELECT status, executor_id, queue_name FROM dbos.workflow_status ORDER BY created_at")
        ).all()
        executors = connection.execute(text("SELECT id, status, last_seen FROM orchestration_executors")).all()
        runs = connection.execute(text("SELECT state, count(*) FROM orchestration_runs GROUP BY state")).all()
    engine.dispose()
    return "\n".join(str(tuple(row)) for row in [*workflows, *executors, *runs])


def executed_by(url: str, status: str | None = None) -> dict[str, int]:
    """How many runs each executor ran (or holds in that DBOS status)."""
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT executor_id, count(*) FROM dbos.workflow_status WHERE name = 'client_to_delivery'"
                " AND (CAST(:status AS text) IS NULL OR status = :status) GROUP BY executor_id"
            ),
            {"status": status},
        )
        result = {executor: count for executor, count in rows}
    engine.dispose()
    return result


def held_by(url: str, worker: subprocess.Popen) -> set[str]:
    """The DBOS statuses of the runs that worker process ran or runs (its executor id holds its pid)."""
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT DISTINCT status FROM dbos.workflow_status"
                " WHERE name = 'client_to_delivery' AND executor_id LIKE :pid"
            ),
            {"pid": f"worker-%-{worker.pid}-%"},
        )
        result = set(rows.scalars())
    engine.dispose()
    return result


def worker_statuses(url: str) -> dict[str, str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, status FROM orchestration_executors WHERE kind = 'worker'")).all()
    engine.dispose()
    return {executor: status for executor, status in rows}


def test_two_workers_share_the_queue_and_one_takes_over_when_the_other_is_killed(tmp_path, postgres_url):
    """Two runs at a time per worker. The one killed is whichever is first seen to have delivered
    runs while holding others: of eight runs one worker takes at least four, so it holds a run
    begun after another of its own ended (on a busy machine it may not be the first started)."""
    env = {
        "AICMO_HOME": str(tmp_path / "home"),
        "AICMO_DATABASE_URL": postgres_url,
        "AICMO_EXECUTOR_LEASE_SECONDS": "3",
        "AICMO_WORKER_CONCURRENCY": "2",
    }
    assert aicmo("db", "upgrade", env=env).returncode == 0
    queue_runs(env, tmp_path / "out", 8)
    workers = [start_worker(env), start_worker(env)]
    try:
        killed = wait_until(
            lambda: next((w for w in workers if {"SUCCESS", "PENDING"} <= held_by(postgres_url, w)), None), postgres_url
        )
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        wait_until(lambda: states(env).count("DELIVERED") == 8, postgres_url)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=30)

    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        packages = connection.execute(text("SELECT count(*), count(DISTINCT run_key) FROM delivery_packages")).one()
        briefs = connection.execute(text("SELECT count(*) FROM onboarding_brief_versions")).scalar()
        executors = connection.execute(
            text("SELECT kind, status FROM orchestration_executors WHERE kind = 'worker' ORDER BY status")
        ).all()
    engine.dispose()
    assert tuple(packages) == (8, 8) and briefs == 8, "exactly once, even for the runs taken over"
    assert len(list((tmp_path / "out").glob("*/*/manifest.json"))) == 8
    assert len(executed_by(postgres_url)) == 2, "both workers ran some of the work"
    assert [tuple(row) for row in executors] == [("worker", "exited"), ("worker", "recovered")], (
        "the killed worker was taken over"
    )


def test_a_worker_taken_for_dead_while_paused_is_taken_over_when_it_really_dies(tmp_path, postgres_url):
    """A worker silent longer than the lease (here paused; on a busy machine, starved of CPU) is
    taken over while it still runs. Once it goes on, the runs it takes are still its own, and
    when it is killed afterwards the survivor takes those over too.

    One run at a time per worker, so that runs are still queued when the paused worker goes on
    (at four, the survivor would take the last four of eight at once)."""
    env = {
        "AICMO_HOME": str(tmp_path / "home"),
        "AICMO_DATABASE_URL": postgres_url,
        "AICMO_EXECUTOR_LEASE_SECONDS": "3",
        "AICMO_WORKER_CONCURRENCY": "1",
    }
    assert aicmo("db", "upgrade", env=env).returncode == 0
    queue_runs(env, tmp_path / "out", 8)
    first = start_worker(env)
    second = None
    try:
        wait_until(lambda: executed_by(postgres_url, "PENDING"), postgres_url)
        [paused] = executed_by(postgres_url, "PENDING")
        first.send_signal(signal.SIGSTOP)
        second = start_worker(env)
        wait_until(lambda: worker_statuses(postgres_url)[paused] == "recovered", postgres_url)
        wait_until(lambda: paused not in executed_by(postgres_url, "PENDING"), postgres_url)
        first.send_signal(signal.SIGCONT)
        wait_until(lambda: paused in executed_by(postgres_url, "PENDING"), postgres_url)
        first.send_signal(signal.SIGKILL)
        first.wait()
        wait_until(lambda: states(env).count("DELIVERED") == 8, postgres_url)
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGCONT)
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=30)

    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        packages = connection.execute(text("SELECT count(*), count(DISTINCT run_key) FROM delivery_packages")).one()
    engine.dispose()
    assert tuple(packages) == (8, 8), "exactly once, though the paused worker ran some runs that were handed on"
    assert worker_statuses(postgres_url)[paused] == "recovered"
