"""The installation's secret key (signing unsubscribe links): AICMO_SECRET_KEY, or a key
generated once into AICMO_HOME/secret.key, readable by its owner only."""

from __future__ import annotations

import os
import secrets

from aicmo.platform.private_files import private_folder
from aicmo.platform.settings import Settings


def secret_key(settings: Settings) -> bytes:
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    path = settings.home / "secret.key"
    if not path.exists():
        private_folder(settings.home)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
    return path.read_text().strip().encode()
