"""The QC rule catalog over a full pack: for each bundled brief, the pack the default writer
makes is checked 20 times (every rule, no database). Prints the median milliseconds per
pack, the packs per minute and the findings.

Run: .venv/bin/python bench/qc.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from aicmo.orchestration.composition import bootstrap, brief_parser
from aicmo.platform.settings import Settings
from aicmo.qc.internal.evaluator import find

ROUNDS = 20
BRIEFS = Path(__file__).resolve().parents[1] / "examples" / "briefs"


def main() -> None:
    parser = brief_parser()
    with tempfile.TemporaryDirectory() as home, bootstrap(Settings(home=Path(home)), launch_durable=False) as app:
        for path in sorted(BRIEFS.glob("*.yaml")):
            brief = parser.parse_brief(path.read_bytes(), path.name)
            record = app.onboarding.capture(brief, path.name)
            pack = app.production.generate_pack(record, app.strategy.generate(record))
            findings = find(pack, brief)
            seconds = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                find(pack, brief)
                seconds.append(time.perf_counter() - start)
            median = statistics.median(seconds)
            print(
                f"{path.stem:18} {len(pack.items):3} items  {median * 1000:7.1f} ms per pack  "
                f"{60 / median:9,.0f} packs / minute  {len(findings)} findings"
            )


if __name__ == "__main__":
    main()
