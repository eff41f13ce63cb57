"""Throughput of client_to_delivery (template writer, folder delivery) run by `aicmo worker`
processes: 1 worker on SQLite, 1 and 2 workers on Postgres, 100 queued runs each; then
the time from restarting a worker after a kill -9 mid-run to that run finishing.

Needs the Postgres server on 127.0.0.1:5432 (database `test`, trust auth).
Run: .venv/bin/python bench/workflows.py
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap, brief_parser
from aicmo.platform.settings import Settings

RUNS = 100
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "briefs" / "northwind.yaml"
AICMO = str(Path(sys.executable).with_name("aicmo"))
ADMIN_URL = "postgresql+psycopg://127.0.0.1:5432/test"
VAR = Path(__file__).resolve().parents[1] / "var"
"""Homes live under ./var (where `make demo` keeps its data), not /tmp: file creation in /tmp is ~20x slower here."""


def fresh_postgres(name: str) -> str:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def queue_runs(settings: Settings, count: int) -> list:
    brief = brief_parser().parse_brief(EXAMPLE.read_bytes(), EXAMPLE.name)
    with bootstrap(settings, launch_durable=False) as app:
        return [
            app.workflows.start_client_to_delivery(
                brief.model_copy(update={"brand": brief.brand.model_copy(update={"name": f"Client {n:03d}"})}),
                "bench",
                settings.home / "out",
                RunOptions(auto_approve=True),
            )
            for n in range(count)
        ]


def environment(settings: Settings) -> dict[str, str]:
    env = {**os.environ, "AICMO_HOME": str(settings.home), "AICMO_EXECUTOR_LEASE_SECONDS": "3"}
    if settings.database_url:
        env["AICMO_DATABASE_URL"] = settings.database_url
    return env


def cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine since boot, from /proc/stat."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def throughput(label: str, settings: Settings, workers: int) -> float:
    """Runs per minute from the moment a worker picks up the first run to the last delivery,
    so the workers' start-up (DBOS launch, about a second) is not counted as work."""
    queue_runs(settings, RUNS)
    processes = [
        subprocess.Popen(
            [AICMO, "worker"], env=environment(settings), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(workers)
    ]
    try:
        with bootstrap(settings, launch_durable=False) as app:
            while not any(run.current_step for run in app.workflows.list_runs(10_000)):
                time.sleep(0.02)
            started, (busy_before, total_before) = time.perf_counter(), cpu_ticks()
            while sum(1 for run in app.workflows.list_runs(10_000) if run.state == RunState.DELIVERED) < RUNS:
                time.sleep(0.2)
            elapsed = time.perf_counter() - started
            busy_after, total_after = cpu_ticks()
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
    per_minute = RUNS / elapsed * 60
    busy = (busy_after - busy_before) / (total_after - total_before)
    print(
        f"{label:<28} {RUNS} runs in {elapsed:6.1f} s = {per_minute:6.1f} runs/min;"
        f" cores busy {busy:.0%} of {os.cpu_count()}"
    )
    return per_minute


def recovery(settings: Settings) -> float:
    """Kill -9 a worker while it runs, restart one, time until every run it held has finished."""
    queue_runs(settings, 8)
    env = environment(settings)
    worker = subprocess.Popen([AICMO, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with bootstrap(settings, launch_durable=False) as app:
        while not any(run.state == RunState.RUNNING and run.current_step for run in app.workflows.list_runs(100)):
            time.sleep(0.02)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        interrupted = [
            run.run_id for run in app.workflows.list_runs(100) if run.state == RunState.RUNNING and run.current_step
        ]
        restarted = time.perf_counter()
        replacement = subprocess.Popen([AICMO, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while any(not app.workflows.get_run(run_id).state.finished for run_id in interrupted):
                time.sleep(0.05)
            seconds = time.perf_counter() - restarted
        finally:
            replacement.send_signal(signal.SIGTERM)
            replacement.wait(timeout=60)
    print(
        f"{'recovery after kill -9':<28} the {len(interrupted)} run(s) it was running"
        f" finished {seconds:.2f} s after the restart (goal <= 5 s)"
    )
    return seconds


def main() -> None:
    VAR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=VAR) as folder:
        root = Path(folder)
        throughput("1 worker, SQLite", Settings(home=root / "sqlite"), 1)
        one = throughput(
            "1 worker, Postgres", Settings(home=root / "pg1", database_url=fresh_postgres("aicmo_bench_1")), 1
        )
        two = throughput(
            "2 workers, Postgres", Settings(home=root / "pg2", database_url=fresh_postgres("aicmo_bench_2")), 2
        )
        print(f"{'2 vs 1 worker on Postgres':<28} {two / one:.2f}x (goal >= 1.7x)")
        recovery(Settings(home=root / "pg3", database_url=fresh_postgres("aicmo_bench_3")))


if __name__ == "__main__":
    main()
