"""How many behaviour tests run without a database, and how long the unit suite takes.

Behaviour tests are those under tests/unit, tests/integration and tests/e2e (contracts and
enforcement check the code, not what it does). The unit suite runs once with a probe that
notes every test during which SQLAlchemy opened a database connection or `sqlite3`
connected; integration and e2e tests count as tests with a database without being run.
The probe needs one process (`-n 0`); the suite is then timed again as `pytest tests/unit`
runs it, on one worker per core. Prints the counts, the share and the unit suite's wall and
CPU time.

Run: .venv/bin/python bench/test_levels.py
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("AICMO_BENCH_ROOT", Path(__file__).resolve().parents[1]))
"""The checkout whose tests are counted and run (another one, e.g. an older commit, with its `src` on PYTHONPATH)."""
PROBE = Path(__file__).resolve().with_name("db_probe.py")
LEVELS = ("tests/unit", "tests/integration", "tests/e2e")
PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"]


def collected(level: str) -> int:
    out = subprocess.run(
        [*PYTEST, level, "--collect-only", "-q", "-n", "0"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+) tests? collected", out)
    return int(match.group(1)) if match else 0


def probe_unit_suite(report: Path) -> None:
    """Run the unit suite in one process with the probe, which writes `report`."""
    path = os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(PROBE.parent)]))
    env = {**os.environ, "AICMO_DB_PROBE_REPORT": str(report), "PYTHONPATH": path}
    done = subprocess.run(
        [*PYTEST, "tests/unit", "-q", "-n", "0", "-p", "db_probe"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"the unit suite failed:\n{done.stdout[-2000:]}")


def run_unit_suite() -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the pytest processes, and the last line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*PYTEST, "tests/unit", "-q"], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode != 0:
        sys.exit(f"the unit suite failed:\n{done.stdout[-2000:]}")
    return wall, cpu, done.stdout.strip().splitlines()[-1]


def main() -> None:
    counts = {level: collected(level) for level in LEVELS}
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "probe.json"
        probe_unit_suite(report)
        probed = json.loads(report.read_text())
    wall, cpu, summary = run_unit_suite()
    with_db = probed["with_database"]
    without = probed["tests"] - len(with_db)
    total = sum(counts.values())
    for level, count in counts.items():
        print(f"{level:18} {count:4} tests")
    print(f"unit tests that opened a database: {len(with_db)}" + "".join(f"\n  {nodeid}" for nodeid in sorted(with_db)))
    print(f"without a database: {without} of {total} behaviour tests = {without / total:.1%}")
    print(f"unit suite: {summary}; {wall:.1f} s wall, {cpu:.1f} s CPU; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
