"""CAM on this machine:
- importing 100,000 generated leads on SQLite (rows/s);
- `aicmo cam import` of 1,000,000 rows (88 MB) in a child process: rows/s and its peak RSS;
- scoring 1,000,000 leads (leads/s);
- one worker cycle over 100,000 leads with a due step in SIMULATION, 10 campaigns of
  10,000 (the daily cap's ceiling) on SQLite (messages/s);
- `aicmo cam worker --once` processes against 10,000 due messages on Postgres: one, then
  two at once (messages/s, the 2-vs-1 ratio, and duplicates: .eml files minus recipients).

Homes live under ./var, not /tmp: file creation in /tmp is ~20x slower on this machine.
Imports also print rows per CPU second: on a shared machine the wall clock says more about
the neighbours than about the import.
Needs the Postgres server on 127.0.0.1:5432 (database `test`, trust auth).
Run: .venv/bin/python bench/cam.py (only some parts: --only import streamed)
"""

from __future__ import annotations

import argparse
import email
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from aicmo.cam.api import IcpRules, LeadStage, MessageVariant, NewCampaign, SequenceStep
from aicmo.cam.internal.scoring import score_lead
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings

IMPORT_ROWS = 100_000
STREAMED_ROWS = 1_000_000
SCORED = 1_000_000
CYCLE_CAMPAIGNS, CAMPAIGN_LEADS = 10, 10_000
VAR = Path(__file__).resolve().parents[1] / "var"
AICMO = str(Path(sys.executable).with_name("aicmo"))
ADMIN_URL = "postgresql+psycopg://127.0.0.1:5432/test"
STEP = SequenceStep(
    delay_days=0,
    variants=[
        MessageVariant(name="A", subject="Coffee for {{company|your team}}", body="Hi {{first_name}}, a short note.")
    ],
)
INDUSTRIES = ["Coffee", "Food", "Retail", "Software", "Hardware", "Health"]
TITLES = ["CMO", "Head of Marketing", "Founder", "Engineer", "Sales Director", "Office Manager"]
CITIES = ["Portland", "Seattle", "Berlin", "London", "Austin", "Lisbon"]
ICP = IcpRules(
    industries=["Coffee", "Food"],
    titles=["CMO", "Marketing"],
    locations=["Portland", "Seattle"],
    min_company_size=10,
    max_company_size=500,
)


def lead(n: int, rng: random.Random) -> dict[str, str]:
    return {
        "industry": rng.choice(INDUSTRIES),
        "title": rng.choice(TITLES),
        "location": rng.choice(CITIES),
        "company_size": str(rng.randint(1, 2000)),
        "email": f"lead{n}@company{n % 9973}.example.org",
    }


def generated_csv(rows: int) -> bytes:
    rng = random.Random(7)
    lines = ["Email,First Name,Company,Title,Industry,Location,Employees"]
    for n in range(rows):
        row = lead(n, rng)
        lines.append(
            f"{row['email']},Person {n},Company {n % 9973},"
            f"{row['title']},{row['industry']},{row['location']},{row['company_size']}"
        )
    return ("\r\n".join(lines) + "\r\n").encode()


def campaign_of_due_leads(app, name: str, leads: bytes) -> None:
    app.campaigns.create(NewCampaign(name=name, icp=ICP, daily_cap=10_000, window_start="00:00", window_end="23:59:59"))
    app.leads.import_csv(name, leads, f"{name}.csv")
    app.outreach.set_sequence(name, [STEP])


def bench_import() -> None:
    data = generated_csv(IMPORT_ROWS)
    with (
        tempfile.TemporaryDirectory(dir=VAR) as home,
        bootstrap(Settings(home=Path(home)), launch_durable=False) as app,
    ):
        app.campaigns.create(NewCampaign(name="Bench", icp=ICP))
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = app.leads.import_csv("Bench", data, "bench.csv")
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"import   {summary.read:,} rows ({summary.accepted:,} accepted) in {seconds:.2f} s"
        f" = {summary.read / seconds:,.0f} rows/s (goal >= 20,000);"
        f" {cpu:.2f} CPU s = {summary.read / cpu:,.0f} rows per CPU second"
    )


PEAK_RSS_OF = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, usage.ru_utime + usage.ru_stime)"
)
"""Runs a command and prints its exit code, peak RSS (KiB) and CPU seconds. Linux counts in a child's peak
the memory of the process it was forked from, so the command is started from this small
process, not from the benchmark with its generated CSV."""


def bench_streamed_import() -> None:
    """The whole command, as an operator runs it, in a child process."""
    with tempfile.TemporaryDirectory(dir=VAR) as home:
        leads = Path(home) / "leads.csv"
        leads.write_bytes(generated_csv(STREAMED_ROWS))
        env = {**os.environ, "AICMO_HOME": home}
        subprocess.run([AICMO, "cam", "campaign", "create", "Bench"], env=env, stdout=subprocess.DEVNULL, check=True)
        started = time.perf_counter()
        measured = subprocess.run(
            [sys.executable, "-c", PEAK_RSS_OF, AICMO, "cam", "import", str(leads), "--campaign", "Bench"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - started
        size = leads.stat().st_size
    code, peak, cpu = measured.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"the import failed: {measured.stderr}")
    print(
        f"import   `aicmo cam import` of {STREAMED_ROWS:,} rows ({size / 1e6:.0f} MB) in {seconds:.1f} s"
        f" = {STREAMED_ROWS / seconds:,.0f} rows/s (goal >= 20,000),"
        f" {float(cpu):.1f} CPU s = {STREAMED_ROWS / float(cpu):,.0f} rows per CPU second,"
        f" peak RSS {int(peak) / 1024:,.0f} MB (goal <= 250 MB)"
    )


def bench_scoring() -> None:
    rng = random.Random(11)
    leads = [lead(n, rng) for n in range(10_000)]
    started = time.perf_counter()
    for n in range(SCORED):
        score_lead(leads[n % len(leads)], ICP, LeadStage.CONTACTED)
    seconds = time.perf_counter() - started
    print(
        f"scoring  {SCORED:,} leads in {seconds:.1f} s = {SCORED / seconds:,.0f} leads/s (goal: 1,000,000 in <= 60 s)"
    )


def bench_cycle() -> None:
    leads = generated_csv(CAMPAIGN_LEADS)
    with (
        tempfile.TemporaryDirectory(dir=VAR) as home,
        bootstrap(Settings(home=Path(home)), launch_durable=False) as app,
    ):
        for n in range(CYCLE_CAMPAIGNS):
            campaign_of_due_leads(app, f"Bench {n}", leads)
        started = time.perf_counter()
        report = app.outreach.run_cycle()
        seconds = time.perf_counter() - started
    print(
        f"cycle    {report.simulated:,} simulated messages in {seconds:.1f} s"
        f" = {report.simulated / seconds:,.0f} messages/s (SQLite, one worker)"
    )


def fresh_postgres(name: str) -> str:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def workers_on_postgres(workers: int) -> tuple[float, int, int]:
    """Seconds for `workers` processes to send 10,000 due messages; files written; distinct recipients."""
    with tempfile.TemporaryDirectory(dir=VAR) as home:
        settings = Settings(home=Path(home), database_url=fresh_postgres(f"aicmo_bench_cam_{workers}"))
        with bootstrap(settings, launch_durable=False) as app:
            campaign_of_due_leads(app, "Bench", generated_csv(CAMPAIGN_LEADS))
        env = {**os.environ, "AICMO_HOME": home, "AICMO_DATABASE_URL": settings.database_url}
        started = time.perf_counter()
        processes = [
            subprocess.Popen([AICMO, "cam", "worker", "--once"], env=env, stdout=subprocess.DEVNULL)
            for _ in range(workers)
        ]
        if any(process.wait() != 0 for process in processes):
            raise SystemExit("a worker failed")
        seconds = time.perf_counter() - started
        files = list((settings.home / "outbox").glob("*.eml"))
        recipients = {email.message_from_bytes(path.read_bytes())["To"] for path in files}
        return seconds, len(files), len(recipients)


def bench_two_workers() -> None:
    one, files_one, _ = workers_on_postgres(1)
    two, files_two, recipients = workers_on_postgres(2)
    print(
        f"workers  1 worker: {files_one / one:,.0f} messages/s; 2 workers: {files_two / two:,.0f} messages/s"
        f" = {one / two:.2f}x (Postgres, 10,000 due, whole processes)"
    )
    print(
        f"         duplicates with 2 workers: {files_two - recipients}"
        f" ({files_two:,} files for {recipients:,} recipients; goal 0)"
    )


PARTS = {
    "import": bench_import,
    "streamed": bench_streamed_import,
    "scoring": bench_scoring,
    "cycle": bench_cycle,
    "workers": bench_two_workers,
}


def main() -> None:
    parser = argparse.ArgumentParser(description="CAM's figures on this machine.")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS), help="run these parts only")
    VAR.mkdir(exist_ok=True)
    for part in parser.parse_args().only:
        PARTS[part]()


if __name__ == "__main__":
    main()
