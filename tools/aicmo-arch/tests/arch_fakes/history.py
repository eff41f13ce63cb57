"""FakeHistory: the text of files at named revisions."""

from __future__ import annotations


class FakeHistory:
    def __init__(self, commits: dict[str, dict[str, str]] | None = None) -> None:
        self.commits = commits or {}

    def committed_text(self, relative: str, revision: str) -> str | None:
        return self.commits.get(revision, {}).get(relative)
