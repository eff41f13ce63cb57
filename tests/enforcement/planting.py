"""A copy of the project to plant one violation in, and the findings of checking it."""

from __future__ import annotations

import shutil
from pathlib import Path

from aicmo.operator.arch.checker import check
from aicmo.operator.arch.findings import Finding

ROOT = Path(__file__).resolve().parents[2]


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        shutil.copytree(ROOT / "tests" / "contracts" / "snapshots", root / "tests" / "contracts" / "snapshots")
        shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")

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
        return check(self.root).findings

    def where(self, rule: str) -> set[str]:
        return {f.location for f in self.findings() if f.rule == rule}
