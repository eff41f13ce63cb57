"""A copy of the project to plant one violation in, and the findings of checking it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from aicmo_arch.application.use_cases.check import check
from aicmo_arch.bootstrap import bootstrap
from aicmo_arch.domain.findings import Finding

ROOT = Path(__file__).resolve().parents[2]
AICMO_ARCH = str(Path(sys.executable).with_name("aicmo-arch"))


def aicmo_arch(*args: str, source: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real `aicmo-arch` command in a child process; `source` goes first on its PYTHONPATH."""
    env = {**os.environ, "PYTHONPATH": str(source)} if source else None
    return subprocess.run([AICMO_ARCH, *args], capture_output=True, text=True, env=env, check=False, timeout=240)


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        shutil.copytree(ROOT / "tests" / "contracts" / "snapshots", root / "tests" / "contracts" / "snapshots")
        shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
        shutil.copytree(ROOT / "docs", root / "docs")

    def file(self, relative: str) -> Path:
        return self.root / "src" / "aicmo" / relative

    def append(self, relative: str, code: str) -> int:
        """Add `code` at the end of a source file; return the line where it starts."""
        path = self.file(relative)
        text = path.read_text()
        path.write_text(text + code)
        return text.count("\n") + 1

    def replace(self, relative: str, old: str, new: str) -> int:
        """Replace `old` by `new` in a source file; return the line where it was."""
        path = self.file(relative)
        text = path.read_text()
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1))
        return text[: text.index(old)].count("\n") + 1

    def findings(self) -> list[Finding]:
        return check(bootstrap(self.root)).findings

    def where(self, rule: str) -> set[str]:
        return {f.location for f in self.findings() if f.rule == rule}
