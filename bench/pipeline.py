"""Generation of the full pack (all deliverables) for the example brief, 50 clients with
distinct names in one process on SQLite: capture the brief, write the strategy, write the
content pack, each stored in its module's tables. Prints p50/p95 seconds per client and
clients per minute.

Run: .venv/bin/python bench/pipeline.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from aicmo.orchestration.composition import bootstrap, brief_parser
from aicmo.platform.settings import Settings

CLIENTS = 50
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "briefs" / "northwind.yaml"


def main() -> None:
    brief = brief_parser().parse_brief(EXAMPLE.read_bytes(), EXAMPLE.name)
    with tempfile.TemporaryDirectory() as home, bootstrap(Settings(home=Path(home)), launch_durable=False) as app:
        seconds, items = [], 0
        started = time.perf_counter()
        for number in range(CLIENTS):
            client = brief.model_copy(
                update={"brand": brief.brand.model_copy(update={"name": f"Northwind Roasters {number:02d}"})}
            )
            start = time.perf_counter()
            record = app.onboarding.capture(client, "bench")
            strategy = app.strategy.generate(record)
            pack = app.production.generate_pack(record, strategy)
            seconds.append(time.perf_counter() - start)
            items += len(pack.items)
        total = time.perf_counter() - started
    quantiles = statistics.quantiles(seconds, n=20)
    print(f"clients          : {CLIENTS} ({items // CLIENTS} content items each, all deliverables)")
    print(f"p50 per client   : {statistics.median(seconds):.4f} s")
    print(f"p95 per client   : {quantiles[18]:.4f} s")
    print(f"clients / minute : {CLIENTS / total * 60:,.0f}  (goal: >= 120)")


if __name__ == "__main__":
    main()
