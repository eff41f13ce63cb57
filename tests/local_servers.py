"""Real servers on loopback for delivery tests: SMTP (aiosmtpd) and an HTTP endpoint that
verifies webhook signatures as a client's would."""

from __future__ import annotations

import asyncio
import email
import hashlib
import hmac
import json
import socket
import threading
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Inbox:
    messages: list[Message] = field(default_factory=list)
    stalled: int = 0
    stall: bool = False
    """Never answer DATA: the sender hangs mid-message, as with a server that stopped responding."""

    async def handle_DATA(self, _server, _session, envelope) -> str:  # noqa: ANN001, N802 - aiosmtpd's hook
        if self.stall:
            self.stalled += 1
            await asyncio.sleep(3600)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


class SmtpServer:
    def __init__(self, *, stall: bool = False) -> None:
        self.inbox = Inbox(stall=stall)
        self.port = free_port()
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._controller.stop()


@dataclass
class Received:
    body: dict
    signature_valid: bool
    idempotency_key: str


class WebhookEndpoint:
    """Answers `status` to every POST and records what arrived and whether its signature held."""

    def __init__(self, secret: str, status: int = 200) -> None:
        self.secret = secret.encode()
        self.status = status
        self.received: list[Received] = []
        self.calls = 0
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's hook
                body = self.rfile.read(int(self.headers["Content-Length"]))
                timestamp = self.headers.get("X-AICMO-Timestamp", "")
                expected = "sha256=" + hmac.new(endpoint.secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
                endpoint.calls += 1
                if endpoint.status < 300:
                    endpoint.received.append(
                        Received(json.loads(body), hmac.compare_digest(expected, self.headers.get("X-AICMO-Signature", "")), self.headers.get("Idempotency-Key", ""))
                    )
                self.send_response(endpoint.status)
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks/aicmo"

    def __enter__(self) -> WebhookEndpoint:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
