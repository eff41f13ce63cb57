"""The project's version history, to see what a file said in an earlier commit."""

from __future__ import annotations

from typing import Protocol


class History(Protocol):
    def committed_text(self, relative: str, revision: str) -> str | None:
        """A file's text at `revision` (e.g. "HEAD~1"), or None without such a commit or file."""
        ...
