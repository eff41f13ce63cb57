"""FakeFolder: a project folder held in a dict of path → text."""

from __future__ import annotations


class FakeFolder:
    def __init__(self, files: dict[str, str] | None = None) -> None:
        self.files = dict(files or {})

    def exists(self, relative: str) -> bool:
        prefix = relative.rstrip("/") + "/"
        return relative in self.files or any(path.startswith(prefix) for path in self.files)

    def read_text(self, relative: str) -> str | None:
        return self.files.get(relative)

    def write_text(self, relative: str, text: str) -> None:
        self.files[relative] = text
