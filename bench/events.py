"""What one `aicmo worker` event-dispatch cycle costs when there is nothing new to do, after
100 and after 100,000 completed events (goal: the second ≤ 2x the first), on SQLite and,
when it answers, on Postgres.

The history is written in bulk as an earlier version left it (events in CAM's outbox and
their completed deliveries, no cursor); one untimed cycle reads it once, then the cycles
measured find nothing. Median of 200 cycles after 20 untimed ones, with the application's
own subscriptions.

Run: .venv/bin/python bench/events.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the bulk history is written by the same helper the tests use

from aicmo.orchestration.composition import bootstrap  # noqa: E402
from aicmo.platform.settings import Settings  # noqa: E402
from tests.events_history import delivered_history  # noqa: E402

SIZES = (100, 100_000)
WARM_UP = 20
CYCLES = 200
SUBSCRIBER = "onboarding.open_intake"
ADMIN_URL = "postgresql+psycopg://127.0.0.1:5432/test"
VAR = ROOT / "var"
"""Homes live under ./var (where `make demo` keeps its data), not /tmp: file creation in /tmp is slower here."""


def postgres_admin(*statements: str) -> bool:
    """Run statements on the local Postgres server; False when no server answers."""
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
        return True
    except Exception as error:  # noqa: BLE001 - any failure means no usable server
        print(f"Postgres skipped: nothing usable at {ADMIN_URL} ({type(error).__name__})")
        return False
    finally:
        admin.dispose()


def idle_cycle(settings: Settings, completed: int) -> tuple[float, float]:
    """(median ms of a cycle with nothing new, seconds of the one cycle that first read the history)."""
    with bootstrap(settings, launch_durable=False) as app:
        delivered_history(app.db, completed, subscriber=SUBSCRIBER)
        started = time.perf_counter()
        first = app.events.dispatch()
        catch_up = time.perf_counter() - started
        assert (first.completed, first.failed) == (0, 0), first
        for _ in range(WARM_UP):
            app.events.dispatch()
        samples = []
        for _ in range(CYCLES):
            started = time.perf_counter()
            report = app.events.dispatch()
            samples.append((time.perf_counter() - started) * 1000)
            assert report.completed == report.failed == 0, report
    return statistics.median(samples), catch_up


def measure(backend: str, settings_for: dict[int, Settings]) -> None:
    figures = {size: idle_cycle(settings, size) for size, settings in settings_for.items()}
    (small, _), (large, catch_up) = figures[SIZES[0]], figures[SIZES[1]]
    print(
        f"{backend}: idle cycle after {SIZES[0]:,} completed events {small:.2f} ms, "
        f"after {SIZES[1]:,} {large:.2f} ms: {large / small:.2f}x (goal ≤ 2x); "
        f"the one cycle that first read the {SIZES[1]:,} took {catch_up:.1f} s"
    )


def main() -> None:
    VAR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=VAR) as folder:
        homes = {size: Path(folder) / f"home-{size}" for size in SIZES}
        measure("SQLite", {size: Settings(home=homes[size] / "sqlite") for size in SIZES})
        names = {size: f"aicmo_bench_events_{size}" for size in SIZES}
        drop = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in names.values()]
        if postgres_admin(*drop, *(f'CREATE DATABASE "{name}"' for name in names.values())):
            try:
                server = ADMIN_URL.rsplit("/", 1)[0]
                pg = {size: Settings(home=homes[size] / "pg", database_url=f"{server}/{names[size]}") for size in SIZES}
                measure("Postgres", pg)
            finally:
                postgres_admin(*drop)


if __name__ == "__main__":
    main()
