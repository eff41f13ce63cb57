"""Reading the brief file the user named, with one clear line for each way it can be wrong."""

from __future__ import annotations

from pathlib import Path

from aicmo.kernel.errors import InvalidInput

EXAMPLE = "examples/briefs/northwind.yaml"


def read_brief_file(path: Path) -> bytes:
    if not path.exists():
        raise InvalidInput(f"brief file {path} not found — check the path, e.g. {EXAMPLE}")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder — give a brief file inside it, e.g. {EXAMPLE}")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror} — check its permissions") from None
