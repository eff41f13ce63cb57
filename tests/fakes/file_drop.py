"""A FileDrop that keeps the files in memory, and can refuse its first writes as a full disk would."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from aicmo.gateways.api import OutgoingFile, WrittenFile
from tests.fakes.refusing_channel import RefusingChannel


class FakeFileDrop(RefusingChannel):
    def __init__(self, *, refusals: int = 0) -> None:
        super().__init__(refusals)
        self.files: dict[str, bytes] = {}

    def write(self, folder: str, files: list[OutgoingFile]) -> list[WrittenFile]:
        self._try(f"cannot write into {folder}: No space left on device")
        written = []
        for file in files:
            path = str(PurePath(folder) / file.name)
            self.files[path] = file.content
            written.append(
                WrittenFile(
                    name=file.name, path=path, size=len(file.content), sha256=hashlib.sha256(file.content).hexdigest()
                )
            )
        return written
