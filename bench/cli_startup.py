"""Cold start of `aicmo` commands beside bare `python -c pass`, median of 10 each, in one run:
wall time, and the CPU time of the child (steadier on a machine that others share).

`--help` imports only the command line; `brief check` reads a brief without a database;
`runs --json` and `cam campaigns` open a migrated (empty) SQLite home, as scripts and the
end-to-end tests call them.

Run: .venv/bin/python bench/cli_startup.py
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 10
AICMO = str(Path(sys.executable).with_name("aicmo"))
BRIEF = str(Path(__file__).resolve().parents[1] / "examples" / "briefs" / "northwind.yaml")
COMMANDS = [["--help"], ["brief", "check", BRIEF], ["runs", "--json"], ["cam", "campaigns"]]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_seconds(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Median wall time and median CPU time of one run of `command`."""
    walls, cpus = [], []
    for _ in range(RUNS):
        start, cpu = time.perf_counter(), _children_cpu()
        subprocess.run(command, check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "AICMO_HOME": home}
        subprocess.run([AICMO, "db", "upgrade"], check=True, capture_output=True, env=env)
        bare, bare_cpu = median_seconds([sys.executable, "-c", "pass"], env)
        print(f"python -c pass       : {bare * 1000:7.1f} ms wall, {bare_cpu * 1000:7.1f} ms CPU (medians of {RUNS})")
        for args in COMMANDS:
            took, cpu = median_seconds([AICMO, *args], env)
            name = " ".join(args[:2])
            print(
                f"aicmo {name:<15}: {took * 1000:7.1f} ms wall ({took / bare:5.1f}x),"
                f" {cpu * 1000:7.1f} ms CPU ({cpu / bare_cpu:5.1f}x)"
            )
    print("goal: `aicmo --help` under 0.35 s and under 10x")


if __name__ == "__main__":
    main()
