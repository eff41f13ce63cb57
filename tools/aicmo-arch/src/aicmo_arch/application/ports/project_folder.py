"""The project's folder: its files by path relative to the project root."""

from __future__ import annotations

from typing import Protocol


class ProjectFolder(Protocol):
    def exists(self, relative: str) -> bool:
        """Whether a file or folder exists.

        Args:
            relative: a POSIX path relative to the project root.
        """
        ...

    def read_text(self, relative: str) -> str | None:
        """The UTF-8 text of a file, or None when there is no such file."""
        ...

    def write_text(self, relative: str, text: str) -> None:
        """Write a file, creating its folders."""
        ...
