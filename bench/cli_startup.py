"""Cold start of `aicmo --help` beside bare `python -c pass`, median of 10 each, in one run.

Run: .venv/bin/python bench/cli_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 10
AICMO = str(Path(sys.executable).with_name("aicmo"))


def median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    bare = median_seconds([sys.executable, "-c", "pass"])
    cli = median_seconds([AICMO, "--help"])
    print(f"python -c pass : {bare * 1000:7.1f} ms (median of {RUNS})")
    print(f"aicmo --help   : {cli * 1000:7.1f} ms (median of {RUNS})")
    print(f"ratio          : {cli / bare:7.1f}x  (goal: under 0.35 s and under 10x)")


if __name__ == "__main__":
    main()
