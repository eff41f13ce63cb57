"""Reading a file the user named (a brief, an outreach sequence), with one clear line for each
way it can be wrong.

Only a regular file is read, and only up to its limit: the file is opened without blocking
(a FIFO would wait for a writer forever) and looked at through the open handle before a
byte is read (a device such as /dev/zero never ends).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from aicmo.kernel.errors import InvalidInput
from aicmo.onboarding.api import BriefLimits

BRIEF_EXAMPLE = "examples/briefs/northwind.yaml"


def read_brief_file(path: Path) -> bytes:
    return read_user_file(path, kind="brief", example=BRIEF_EXAMPLE, max_bytes=BriefLimits().max_bytes)


def read_user_file(path: Path, *, kind: str, example: str, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, at most `max_bytes` (a whole number of MiB)."""
    if not path.exists():
        raise InvalidInput(f"{kind} file {path} not found — check the path, e.g. {example}")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder — give a {kind} file inside it, e.g. {example}")
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror} — check its permissions") from None
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise InvalidInput(
                f"{path} is not a regular file (a device, pipe or socket) — give a {kind} file, e.g. {example}"
            )
        if status.st_size > max_bytes:
            raise InvalidInput(
                f"{path}: the {kind} is {status.st_size:,} bytes; the limit is {max_bytes >> 20} MiB — shorten it"
            )
        try:
            return file.read(max_bytes + 1)
        except OSError as error:
            raise InvalidInput(f"cannot read {path}: {error.strerror} — check the file") from None
