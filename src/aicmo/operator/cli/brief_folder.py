"""The files a brief names (its logo), read from the folder the brief file is in."""

from __future__ import annotations

from pathlib import Path

from aicmo.kernel.errors import InvalidInput


class BriefFolder:
    """The BriefFiles port over the brief file's folder: each path is relative to the brief."""

    def __init__(self, brief_path: Path) -> None:
        self._folder = brief_path.parent

    def read(self, name: str, max_bytes: int) -> bytes:
        path = self._folder / name
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "not found"
            raise InvalidInput(
                f"{name!r} {what} beside the brief — give a file path relative to the brief, e.g. logo.png next to it"
            )
        try:
            with path.open("rb") as file:
                content = file.read(max_bytes + 1)
        except OSError as error:
            raise InvalidInput(f"cannot read {name!r}: {error.strerror} — check its permissions") from None
        if len(content) > max_bytes:
            raise InvalidInput(f"{name!r} is larger than {max_bytes // 1024} KiB — export a smaller file")
        return content
