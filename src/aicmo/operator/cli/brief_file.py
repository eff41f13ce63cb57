"""Reading the brief file the user named, with one clear line for each way it can be wrong.

Only a regular file is read, and only up to the brief limit: the file is opened without
blocking (a FIFO would wait for a writer forever) and looked at through the open handle
before a byte is read (a device such as /dev/zero never ends).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from aicmo.kernel.errors import InvalidInput
from aicmo.onboarding.api import BriefLimits

EXAMPLE = "examples/briefs/northwind.yaml"
MAX_BYTES = BriefLimits().max_bytes


def read_brief_file(path: Path) -> bytes:
    if not path.exists():
        raise InvalidInput(f"brief file {path} not found — check the path, e.g. {EXAMPLE}")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder — give a brief file inside it, e.g. {EXAMPLE}")
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror} — check its permissions") from None
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise InvalidInput(f"{path} is not a regular file (a device, pipe or socket) — give a brief file, e.g. {EXAMPLE}")
        if status.st_size > MAX_BYTES:
            raise InvalidInput(f"{path}: the brief is {status.st_size:,} bytes; the limit is 1 MiB — shorten it")
        try:
            return file.read(MAX_BYTES + 1)
        except OSError as error:
            raise InvalidInput(f"cannot read {path}: {error.strerror} — check the file") from None
