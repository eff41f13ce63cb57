"""Mailer over SMTP (smtplib), configured by one URL: smtp[s]://user:password@host:port[?starttls=1]."""

from __future__ import annotations

import smtplib
from urllib.parse import parse_qs, unquote, urlsplit

from aicmo.gateways.api.dtos import EmailMessage
from aicmo.gateways.internal.mime import mime_message
from aicmo.kernel.errors import ChannelUnavailable

TIMEOUT_SECONDS = 15


class SmtpMailer:
    def __init__(self, smtp_url: str, sender: str) -> None:
        parts = urlsplit(smtp_url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError(f"AICMO_SMTP_URL must look like smtp://host:port or smtps://user:password@host:port, not {parts.scheme}://…")
        self._tls = parts.scheme == "smtps"
        self._starttls = parse_qs(parts.query).get("starttls", ["0"])[0] in ("1", "true")
        self._host = parts.hostname
        self._port = parts.port or (465 if self._tls else 25)
        self._user = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else None
        self._sender = sender

    def send(self, message: EmailMessage) -> str:
        mime = mime_message(message, self._sender)
        try:
            connect = smtplib.SMTP_SSL if self._tls else smtplib.SMTP
            with connect(self._host, self._port, timeout=TIMEOUT_SECONDS) as client:
                if self._starttls:
                    client.starttls()
                if self._user:
                    client.login(self._user, self._password or "")
                client.send_message(mime)
        except (smtplib.SMTPException, OSError) as error:
            raise ChannelUnavailable(f"SMTP server {self._host}:{self._port} refused: {error}") from None
        return str(mime["Message-ID"])
