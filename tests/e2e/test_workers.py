"""Several `aicmo worker` processes on one Postgres database share the queued runs; when
one is killed, another takes over its runs. Each run is delivered exactly once."""

import json
import os
import signal
import subprocess
import time

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import EXAMPLE_BRIEF

from .cli import AICMO, aicmo

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.slow]


def start_worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([AICMO, "worker"], env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def states(env: dict[str, str]) -> list[str]:
    return [run["state"] for run in json.loads(aicmo("runs", "--json", "--limit", "500", env=env).stdout)]


def wait_until(condition, timeout: float = 180) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


def executed_by(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT executor_id, count(*) FROM dbos.workflow_status WHERE name = 'client_to_delivery' GROUP BY executor_id"))
        result = {executor: count for executor, count in rows}
    engine.dispose()
    return result


@pytest.mark.xfail(
    strict=False,
    reason="known defect: since each process has its own queue, about 1 run in 10 of this scenario leaves a killed worker's "
    "runs untaken for minutes; under investigation, see the orchestration README",
)
def test_two_workers_share_the_queue_and_one_takes_over_when_the_other_is_killed(tmp_path, postgres_url):
    env = {"AICMO_HOME": str(tmp_path / "home"), "AICMO_DATABASE_URL": postgres_url, "AICMO_EXECUTOR_LEASE_SECONDS": "3"}
    assert aicmo("db", "upgrade", env=env).returncode == 0
    for _ in range(8):
        queued = aicmo("run", str(EXAMPLE_BRIEF), "--out", str(tmp_path / "out"), "--auto-approve", "--detach", env=env)
        assert queued.returncode == 0, queued.stderr
    first, second = start_worker(env), start_worker(env)
    try:
        wait_until(lambda: states(env).count("DELIVERED") >= 2)
        first.send_signal(signal.SIGKILL)
        first.wait()
        wait_until(lambda: states(env).count("DELIVERED") == 8)
    finally:
        for worker in (first, second):
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=30)

    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        packages = connection.execute(text("SELECT count(*), count(DISTINCT run_key) FROM delivery_packages")).one()
        briefs = connection.execute(text("SELECT count(*) FROM onboarding_brief_versions")).scalar()
        executors = connection.execute(text("SELECT kind, status FROM orchestration_executors WHERE kind = 'worker' ORDER BY status")).all()
    engine.dispose()
    assert tuple(packages) == (8, 8) and briefs == 8, "exactly once, even for the runs taken over"
    assert len(list((tmp_path / "out").glob("*/*/manifest.json"))) == 8
    assert len(executed_by(postgres_url)) == 2, "both workers ran some of the work"
    assert [tuple(row) for row in executors] == [("worker", "exited"), ("worker", "recovered")], "the killed worker was taken over"
