"""The source tree of the declared package, read as facts per Python file."""

from __future__ import annotations

from typing import Protocol

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.facts import FileFacts


class SourceTree(Protocol):
    def facts(self, arch: Architecture) -> list[FileFacts]:
        """What every Python file under the declared package says, in path order."""
        ...

    def packages(self, arch: Architecture) -> list[str]:
        """The names of the top-level packages directly under the declared package."""
        ...
