"""`GET /api/v1/runs` of `aicmo serve` with 10,000 runs stored, over loopback HTTP: the first
page, a page deep in the list (by its cursor), and one state's runs, each 200 requests from a
client 8 at a time with one API token (goal: p95 ≤ 100 ms on SQLite). Every request also
checks the token and notes its last use, as every API call does.

The runs are written in bulk as the run store keeps them (the workflow is not run); one
untimed request of each kind warms the server first.

Run: .venv/bin/python bench/api_runs.py (BENCH_CONCURRENCY=1: one request at a time, the
server's own time per request without queueing)
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
from sqlalchemy import MetaData, Table, create_engine, insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the free port comes from the helper the tests use

from aicmo.accounts.api import Actor, Channel, Role  # noqa: E402
from aicmo.orchestration.composition import bootstrap  # noqa: E402
from aicmo.platform.settings import Settings  # noqa: E402
from tests.local_servers import free_port  # noqa: E402

RUNS = 10_000
REQUESTS = 200
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
STATES = ("DELIVERED", "AWAITING_APPROVAL", "COMPENSATED", "QC_FAILED")


def store_runs(settings: Settings) -> None:
    engine = create_engine(settings.resolved_database_url)
    runs = Table("orchestration_runs", MetaData(), autoload_with=engine)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = [
        {
            "id": uuid.uuid4().hex,
            "workflow": "client_to_delivery",
            "client_name": f"Client {number % 250}",
            "state": STATES[number % len(STATES)],
            "source": "brief.yaml",
            "folder": f"/deliveries/client-{number % 250}/{number}",
            "started_at": start + dt.timedelta(minutes=number),
            "updated_at": start + dt.timedelta(minutes=number + 1),
        }
        for number in range(RUNS)
    ]
    with engine.begin() as connection:
        connection.execute(insert(runs), rows)
    engine.dispose()


def timed(client: httpx2.Client, path: str) -> float:
    began = time.perf_counter()
    answer = client.get(path)
    took = time.perf_counter() - began
    assert answer.status_code == 200, answer.text
    return took * 1000


def measure(client: httpx2.Client, path: str) -> tuple[float, float]:
    timed(client, path)
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        times = sorted(pool.map(lambda _: timed(client, path), range(REQUESTS)))
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(home=Path(folder) / "home")
        with bootstrap(settings, launch_durable=False) as app:
            by = Actor(who="bench", channel=Channel.CLI)
            app.accounts.create_user("bench@agency.example", Role.OPERATOR, "a long bench password", by)
            token = app.accounts.create_token("bench@agency.example", "bench", by).secret
        store_runs(settings)
        port = free_port()
        env = {**os.environ, "AICMO_HOME": str(settings.home), "AICMO_PUBLIC_URL": f"http://127.0.0.1:{port}"}
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("aicmo")), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        try:
            headers = {"Authorization": f"Bearer {token}"}
            with httpx2.Client(base_url=f"http://127.0.0.1:{port}/api/v1", headers=headers, timeout=30) as client:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        client.get("/runs?limit=1")
                        break
                    except httpx2.TransportError:
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.2)
                cursor = None
                for _ in range(100):
                    cursor = client.get("/runs", params={"limit": 50, **({"cursor": cursor} if cursor else {})}).json()[
                        "next_cursor"
                    ]
                cases = {
                    "first page (50)": "/runs",
                    "page 101 (by cursor)": f"/runs?cursor={cursor}",
                    "one state, 50": "/runs?state=COMPENSATED",
                }
                print(f"GET /api/v1/runs, {RUNS:,} runs on SQLite, {REQUESTS} requests {CONCURRENCY} at a time:")
                for name, path in cases.items():
                    p50, p95 = measure(client, path)
                    print(f"  {name:<22} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   (goal p95 ≤ 100 ms)")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
