"""A Mailer that sends nothing: each message is rendered to an .eml file (SIMULATION mode)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from aicmo.gateways.api.dtos import EmailMessage
from aicmo.gateways.internal.mime import mime_message
from aicmo.kernel.errors import ChannelUnavailable


class EmlFileMailer:
    def __init__(self, folder: Path, sender: str) -> None:
        self._folder = folder
        self._sender = sender

    def send(self, message: EmailMessage) -> str:
        mime = mime_message(message, self._sender)
        message_id = str(mime["Message-ID"])
        name = re.sub(r"[^A-Za-z0-9.@-]+", "_", message_id.strip("<>")) + ".eml"
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            temporary = self._folder / f".{name}.partial"
            temporary.write_bytes(bytes(mime))
            os.replace(temporary, self._folder / name)
        except OSError as error:
            raise ChannelUnavailable(f"cannot write {name} into {self._folder}: {error.strerror or error}") from None
        return message_id
