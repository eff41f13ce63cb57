"""Running the real `aicmo` command in a child process, as a user or a script would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

AICMO = str(Path(sys.executable).with_name("aicmo"))


def env_for(settings, **variables: str) -> dict[str, str]:
    """The environment of an `aicmo` child process that uses the same home and database as `settings`."""
    env = {**os.environ, "AICMO_HOME": str(settings.home), **variables}
    if settings.database_url:
        env["AICMO_DATABASE_URL"] = settings.database_url
    return env


def aicmo(*args: str, env: dict[str, str] | None = None, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AICMO, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        check=False,
    )


def waive_open_blockers(run_id: str, env: dict[str, str]) -> None:
    """Waive every open BLOCKER finding of the run's latest QC report, so that it may be approved."""
    report = json.loads(aicmo("qc", "report", run_id, "--json", env=env).stdout)
    for finding in report["findings"]:
        if finding["severity"] == "BLOCKER" and not finding["waived"]:
            waived = aicmo("qc", "waive", finding["finding_id"], "--reason", "The client accepts it.", env=env)
            assert waived.returncode == 0, waived.stderr
