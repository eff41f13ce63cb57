"""Mailer over SMTP (smtplib), configured by one URL: smtp[s]://user:password@host:port[?starttls=1].

Each send ends by its deadline, however slowly the server answers: a socket timeout bounds
each read, and a server that trickles its replies a line at a time would otherwise hold the
sender forever.
"""

from __future__ import annotations

import smtplib
import socket
from urllib.parse import parse_qs, unquote, urlsplit

from aicmo.gateways.api.dtos import EmailMessage
from aicmo.gateways.internal.mime import mime_message
from aicmo.gateways.internal.socket_deadline import SocketDeadline
from aicmo.kernel.errors import ChannelUnavailable


class SmtpMailer:
    def __init__(self, smtp_url: str, sender: str, deadline_seconds: float) -> None:
        parts = urlsplit(smtp_url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError(
                f"AICMO_SMTP_URL must look like smtp://host:port or smtps://user:password@host:port, not {parts.scheme}://…"
            )
        self._tls = parts.scheme == "smtps"
        self._starttls = parse_qs(parts.query).get("starttls", ["0"])[0] in ("1", "true")
        self._host = parts.hostname
        self._port = parts.port or (465 if self._tls else 25)
        self._user = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else None
        self._sender = sender
        self._deadline = deadline_seconds

    def send(self, message: EmailMessage) -> str:
        mime = mime_message(message, self._sender)
        with SocketDeadline(self._deadline) as deadline:
            try:
                with (_DeadlineSmtps if self._tls else _DeadlineSmtp)(deadline) as client:
                    client.connect(self._host, self._port)
                    if self._starttls:
                        client.starttls()
                    if self._user:
                        client.login(self._user, self._password or "")
                    client.send_message(mime)
            except (smtplib.SMTPException, OSError) as error:
                if deadline.ran_out(error):
                    raise ChannelUnavailable(
                        f"SMTP server {self._host}:{self._port} did not finish within {self._deadline:g} s"
                    ) from None
                raise ChannelUnavailable(f"SMTP server {self._host}:{self._port} refused: {error}") from None
        return str(mime["Message-ID"])


class _DeadlineSmtp(smtplib.SMTP):
    """smtplib's client whose connection the deadline cuts: the socket is watched as soon as it
    is open, before the greeting is read (and, over TLS, before the handshake)."""

    def __init__(self, deadline: SocketDeadline) -> None:
        self._deadline = deadline
        super().__init__(timeout=deadline.seconds)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        opened = super()._get_socket(host, port, timeout)
        self._deadline.watch(opened)
        return opened


class _DeadlineSmtps(smtplib.SMTP_SSL, _DeadlineSmtp):
    """SMTP_SSL wraps the socket `_DeadlineSmtp` opened and watches."""

    def __init__(self, deadline: SocketDeadline) -> None:
        self._deadline = deadline
        smtplib.SMTP_SSL.__init__(self, timeout=deadline.seconds)
