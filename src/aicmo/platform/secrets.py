"""The installation's secret key (signing unsubscribe links): AICMO_SECRET_KEY, or a key
generated once into AICMO_HOME/secret.key, readable by its owner only.

The key file appears whole or not at all (written aside, then linked into place), so of
processes that start at once one creates it and the others read it. An empty key, set or
stored, is refused rather than used.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from aicmo.platform.private_files import private_folder
from aicmo.kernel.errors import InvalidInput
from aicmo.platform.settings import Settings


def secret_key(settings: Settings) -> bytes:
    if settings.secret_key is not None:
        key = settings.secret_key.get_secret_value().strip()
        if not key:
            raise InvalidInput(
                "AICMO_SECRET_KEY is empty: set it to a long random value, or unset it to use AICMO_HOME/secret.key"
            )
        return key.encode()
    path = settings.home / "secret.key"
    if not path.exists():
        _create(path)
    key = path.read_text().strip()
    if not key:
        raise InvalidInput(f"{path} is empty: delete it to have a new key generated, or set AICMO_SECRET_KEY")
    return key.encode()


def _create(path: Path) -> None:
    """Write a new key beside `path` and link it into place; a key another process linked first wins."""
    private_folder(path.parent)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
    finally:
        draft.unlink()
