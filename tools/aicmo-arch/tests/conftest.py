"""A copy of the sample project (a small shop, not AICMO) to plant violations in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent / "sample"


class Sample:
    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("__pycache__", ".cache"))

    def append(self, relative: str, code: str) -> int:
        """Add `code` at the end of a file under lib/shop; return the line where it starts."""
        path = self.root / "lib" / "shop" / relative
        text = path.read_text()
        path.write_text(text + code)
        return text.count("\n") + 1

    def edit_pyproject(self, old: str, new: str) -> None:
        path = self.root / "pyproject.toml"
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return Sample(tmp_path / "shop")
