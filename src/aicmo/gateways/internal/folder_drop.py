"""FileDrop on the local file system."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from aicmo.gateways.api.dtos import OutgoingFile, WrittenFile
from aicmo.kernel.errors import ChannelUnavailable


class FolderDrop:
    def write(self, folder: str, files: list[OutgoingFile]) -> list[WrittenFile]:
        target = Path(folder)
        try:
            target.mkdir(parents=True, exist_ok=True)
            return [self._write_one(target, file) for file in files]
        except OSError as error:
            raise ChannelUnavailable(f"cannot write into {folder}: {error.strerror or error}") from None

    def _write_one(self, target: Path, file: OutgoingFile) -> WrittenFile:
        if Path(file.name).name != file.name or file.name in ("", ".", ".."):
            raise ValueError(f"{file.name!r} is not a plain file name")
        path = target / file.name
        temporary = target / f".{file.name}.partial"
        temporary.write_bytes(file.content)
        os.replace(temporary, path)
        return WrittenFile(
            name=file.name,
            path=str(path.resolve()),
            size=len(file.content),
            sha256=hashlib.sha256(file.content).hexdigest(),
        )
