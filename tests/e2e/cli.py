"""Running the real `aicmo` command in a child process, as a user or a script would."""

from __future__ import annotations

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
