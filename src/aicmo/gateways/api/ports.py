"""Outbound channels."""

from __future__ import annotations

from typing import Protocol

from aicmo.gateways.api.dtos import OutgoingFile, WrittenFile


class FileDrop(Protocol):
    """Writes files into a folder, completely or not at all."""

    def write(self, folder: str, files: list[OutgoingFile]) -> list[WrittenFile]:
        """Write `files` into `folder` (created if missing).

        Each file is written to a temporary name and renamed, so a reader never sees
        half a file. Raises OSError with the folder in the message when it is not writable.
        """
        ...
