"""The project folder on the local file system."""

from __future__ import annotations

from pathlib import Path


class LocalFolder:
    def __init__(self, root: Path) -> None:
        self.root = root

    def exists(self, relative: str) -> bool:
        return (self.root / relative).exists()

    def read_text(self, relative: str) -> str | None:
        try:
            return (self.root / relative).read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError):
            return None

    def write_text(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
