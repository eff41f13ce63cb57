"""CAM: importing 100,000 generated leads (rows/s) and scoring 1,000,000 leads (leads/s),
on SQLite in one process.

Run: .venv/bin/python bench/cam.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from aicmo.cam.api import IcpRules, LeadStage, NewCampaign
from aicmo.cam.internal.scoring import score_lead
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings

IMPORT_ROWS = 100_000
SCORED = 1_000_000
INDUSTRIES = ["Coffee", "Food", "Retail", "Software", "Hardware", "Health"]
TITLES = ["CMO", "Head of Marketing", "Founder", "Engineer", "Sales Director", "Office Manager"]
CITIES = ["Portland", "Seattle", "Berlin", "London", "Austin", "Lisbon"]
ICP = IcpRules(industries=["Coffee", "Food"], titles=["CMO", "Marketing"], locations=["Portland", "Seattle"], min_company_size=10, max_company_size=500)


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
        lines.append(f"{row['email']},Person {n},Company {n % 9973},{row['title']},{row['industry']},{row['location']},{row['company_size']}")
    return ("\r\n".join(lines) + "\r\n").encode()


def main() -> None:
    data = generated_csv(IMPORT_ROWS)
    with tempfile.TemporaryDirectory() as home, bootstrap(Settings(home=Path(home)), launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Bench", icp=ICP))
        started = time.perf_counter()
        summary = app.leads.import_csv("Bench", data, "bench.csv")
        seconds = time.perf_counter() - started
    print(f"import   {summary.read:,} rows ({summary.accepted:,} accepted) in {seconds:.2f} s = {summary.read / seconds:,.0f} rows/s (goal >= 20,000)")
    rng = random.Random(11)
    leads = [lead(n, rng) for n in range(10_000)]
    started = time.perf_counter()
    for n in range(SCORED):
        score_lead(leads[n % len(leads)], ICP, LeadStage.CONTACTED)
    seconds = time.perf_counter() - started
    print(f"scoring  {SCORED:,} leads in {seconds:.1f} s = {SCORED / seconds:,.0f} leads/s (goal: 1,000,000 in <= 60 s)")


if __name__ == "__main__":
    main()
