"""The console and the API of a real `aicmo serve` (uvicorn, SQLite) over loopback HTTP: p50 and
p95 of the dashboard, a run's page (a northwind run waiting for approval, its 47 items and QC
findings), the leads table with 100,000 leads (first page, a page deep in by its cursor, a
filtered page) and `GET /api/v1/runs` with 10,000 runs; each 200 requests, 8 at a time, from a
signed-in operator (pages) or an API token (API). Goal: p95 ≤ 150 ms for pages, ≤ 100 ms for
the API.

The runs are written in bulk as the run store keeps them, the leads imported as `aicmo cam
import` does; one untimed request of each kind warms the server first. The home lives under
./var (file creation in /tmp is slow on this machine).

Run: .venv/bin/python bench/web.py (BENCH_CONCURRENCY=1: one request at a time, the server's
own time per request without queueing)
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the bench helpers and the free port the tests use

from aicmo.accounts.api import Actor, Channel, Role  # noqa: E402
from aicmo.cam.api import NewCampaign  # noqa: E402
from aicmo.orchestration.composition import bootstrap  # noqa: E402
from aicmo.platform.settings import Settings  # noqa: E402
from bench.api_runs import RUNS, store_runs  # noqa: E402
from bench.cam import ICP, VAR, generated_csv  # noqa: E402
from tests.local_servers import free_port  # noqa: E402

LEADS = 100_000
REQUESTS = 200
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
EMAIL, PASSWORD = "bench@agency.example", "a long bench password"
AICMO = str(Path(sys.executable).with_name("aicmo"))


def timed(send: Callable[[], httpx2.Response]) -> float:
    began = time.perf_counter()
    answer = send()
    took = time.perf_counter() - began
    assert answer.status_code == 200, (answer.status_code, answer.text[:500])
    return took * 1000


def measure(client: httpx2.Client, path: str) -> tuple[float, float]:
    timed(lambda: client.get(path))
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        times = sorted(pool.map(lambda _: timed(lambda: client.get(path)), range(REQUESTS)))
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def prepare(settings: Settings) -> tuple[str, str]:
    """An operator with an API token, a run waiting for approval, 10,000 runs and 100,000 leads:
    the token and the waiting run's id."""
    env = {**os.environ, "AICMO_HOME": str(settings.home)}
    started = subprocess.run(
        [AICMO, "run", str(ROOT / "examples/briefs/northwind.yaml")], env=env, capture_output=True, text=True
    )
    assert started.returncode == 0, started.stderr
    with bootstrap(settings, launch_durable=False) as app:
        by = Actor(who="bench", channel=Channel.CLI)
        app.accounts.create_user(EMAIL, Role.OPERATOR, PASSWORD, by)
        token = app.accounts.create_token(EMAIL, "bench", by).secret
        [waiting] = app.workflows.list_runs(1)
        app.campaigns.create(NewCampaign(name="Bench", icp=ICP))
        app.leads.import_csv("Bench", generated_csv(LEADS), "bench.csv")
    spread_stages(settings)
    store_runs(settings)
    return token, str(waiting.run_id)


STAGES = {"CONTACTED": 10, "LOST": 33, "REPLIED": 50, "QUALIFIED": 200, "MEETING": 500, "WON": 1000}
"""One lead in N moves on to each stage (in this order, a later one wins), as after weeks of outreach."""


def spread_stages(settings: Settings) -> None:
    """Moves leads along the pipeline in place, as the run store's rows are written: in bulk."""
    engine = create_engine(settings.resolved_database_url)
    with engine.begin() as connection:
        for stage, every in STAGES.items():
            connection.execute(
                text("UPDATE cam_leads SET stage = :stage WHERE rowid % :every = 0"), {"stage": stage, "every": every}
            )
    engine.dispose()


def sign_in(client: httpx2.Client) -> None:
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
    answer = client.post("/login", data={"email": EMAIL, "password": PASSWORD, "csrf": token, "next": "/"})
    assert answer.status_code == 303, answer.text


def wait_for(base: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx2.get(f"{base}/healthz").status_code == 200:
                return
        except httpx2.TransportError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


def report(client: httpx2.Client, cases: dict[str, str], goal: int) -> None:
    for name, path in cases.items():
        p50, p95 = measure(client, path)
        print(f"  {name:<34} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   (goal p95 ≤ {goal} ms)")


def deep_cursor(client: httpx2.Client, pages: int) -> str:
    """The cursor of page `pages + 1` of the leads table, by following its Next links."""
    path = "/cam/leads"
    for _ in range(pages):
        path = re.search(r'href="([^"]+)"[^>]*id="next-page"', client.get(path).text).group(1).replace("&amp;", "&")
    return path


def main() -> None:
    VAR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=VAR) as folder:
        settings = Settings(home=Path(folder) / "home")
        token, run_id = prepare(settings)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "AICMO_HOME": str(settings.home), "AICMO_PUBLIC_URL": base}
        server = subprocess.Popen([AICMO, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
        try:
            wait_for(base)
            with httpx2.Client(base_url=base, timeout=60, follow_redirects=False) as console:
                sign_in(console)
                pages = {
                    "dashboard": "/",
                    "run page (47 items, QC findings)": f"/runs/{run_id}",
                    "leads, first page (50)": "/cam/leads",
                    "leads, page 101 (by cursor)": deep_cursor(console, 100),
                    "leads, score ≥ 50 by score": "/cam/leads?min_score=50&sort=score_high",
                    "leads, text 'company 12'": "/cam/leads?q=company+12",
                }
                print(f"Console of `aicmo serve`, {LEADS:,} leads and {RUNS:,} runs on SQLite,", end=" ")
                print(f"{REQUESTS} requests {CONCURRENCY} at a time:")
                report(console, pages, 150)
            with httpx2.Client(
                base_url=f"{base}/api/v1", headers={"Authorization": f"Bearer {token}"}, timeout=60
            ) as api:
                print("API:")
                report(
                    api,
                    {
                        "GET /api/v1/runs (first 50)": "/runs",
                        "GET /api/v1/runs?state=COMPENSATED": "/runs?state=COMPENSATED",
                    },
                    100,
                )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
