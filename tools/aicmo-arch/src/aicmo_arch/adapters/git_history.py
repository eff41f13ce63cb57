"""The project's history as git keeps it (`git show REVISION:PATH`)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitHistory:
    def __init__(self, root: Path) -> None:
        self.root = root

    def committed_text(self, relative: str, revision: str) -> str | None:
        try:
            shown = subprocess.run(
                ["git", "-C", str(self.root), "show", f"{revision}:{relative}"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return shown.stdout if shown.returncode == 0 else None
