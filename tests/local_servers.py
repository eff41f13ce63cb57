"""Real servers on loopback: SMTP (aiosmtpd), IMAP (Dovecot, from Debian's dovecot-imapd,
which `make test` installs) and HTTP endpoints: one that verifies webhook signatures as a
client's would, one that redirects, one that trickles its answer."""

from __future__ import annotations

import asyncio
import email
import hashlib
import hmac
import imaplib
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
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
    on_message: Callable[[], None] | None = None
    """Called (on the server's thread) as each message arrives, before it is accepted."""

    async def handle_DATA(self, _server, _session, envelope) -> str:  # noqa: ANN001, N802 - aiosmtpd's hook
        if self.on_message:
            self.on_message()
        if self.stall:
            self.stalled += 1
            await asyncio.sleep(3600)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


class SmtpServer:
    def __init__(self, *, stall: bool = False, on_message: Callable[[], None] | None = None) -> None:
        self.inbox = Inbox(stall=stall, on_message=on_message)
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


class _HookEndpoint:
    """A threaded HTTP server on a loopback port answering POSTs at /hooks/aicmo with `handler`."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks/aicmo"

    def __enter__(self):  # noqa: ANN204 - returns the subclass
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@dataclass
class Received:
    body: dict
    signature_valid: bool
    idempotency_key: str


class WebhookEndpoint(_HookEndpoint):
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
                expected = (
                    "sha256=" + hmac.new(endpoint.secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
                )
                endpoint.calls += 1
                if endpoint.status < 300:
                    endpoint.received.append(
                        Received(
                            json.loads(body),
                            hmac.compare_digest(expected, self.headers.get("X-AICMO-Signature", "")),
                            self.headers.get("Idempotency-Key", ""),
                        )
                    )
                self.send_response(endpoint.status)
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                return

        super().__init__(Handler)


class RedirectingEndpoint(_HookEndpoint):
    """Answers every POST with 302 to `location`, as a moved (or malicious) endpoint would."""

    def __init__(self, location: str) -> None:
        self.calls = 0
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's hook
                self.rfile.read(int(self.headers["Content-Length"]))
                endpoint.calls += 1
                self.send_response(302)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                return

        super().__init__(Handler)


class TricklingEndpoint:
    """Reads each request (unless the server speaks first, as SMTP does), then answers one
    byte of `answer` every `interval` seconds: never slow enough for a read timeout, never
    done. Each connection gives up by itself after `limit` seconds or when the client hangs up."""

    HTTP_ANSWER = b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"." * 10_000
    SMTP_GREETING = b"220-" + b"." * 10_000
    """A greeting's first line that never ends: the client waits for its last line."""

    def __init__(
        self, interval: float = 5.0, limit: float = 120.0, *, answer: bytes = HTTP_ANSWER, speaks_first: bool = False
    ) -> None:
        self.answer = answer
        self.speaks_first = speaks_first
        self.interval = interval
        self.limit = limit
        self.connections = 0
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://{self.address}/hooks/aicmo"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            thread = threading.Thread(target=self._trickle, args=(client,), daemon=True)
            self._threads.append(thread)
            thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self._listener.getsockname()[1]}"

    def _trickle(self, client: socket.socket) -> None:
        deadline = time.monotonic() + self.limit
        with client:
            if not self.speaks_first:
                client.recv(65536)
            for byte in self.answer:
                if self._stop.is_set() or time.monotonic() > deadline:
                    return
                try:
                    client.sendall(bytes([byte]))
                except OSError:
                    return
                self._stop.wait(self.interval)

    def __enter__(self) -> TricklingEndpoint:
        self._accepting.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._accepting.join(timeout=10)
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=10)


DOVECOT_CONF = """
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


class ImapServer:
    """A Dovecot of its own on a free loopback port: any user name, one password, maildirs in a temporary folder."""

    password = "letmein"

    def __init__(self) -> None:
        self.port = free_port()
        self._root = Path(tempfile.mkdtemp(prefix="aicmo-imap-"))
        self._process: subprocess.Popen[bytes] | None = None

    def url(self, user: str = "replies", password: str | None = None) -> str:
        return f"imap://{user}:{password or self.password}@127.0.0.1:{self.port}/INBOX"

    def deliver(self, raw: bytes, user: str = "replies") -> None:
        """Put a message into the user's INBOX, unread, as a mail server's delivery would."""
        with imaplib.IMAP4("127.0.0.1", self.port) as client:
            client.login(user, self.password)
            client.append("INBOX", None, None, raw)

    def unread(self, user: str = "replies") -> int:
        with imaplib.IMAP4("127.0.0.1", self.port) as client:
            client.login(user, self.password)
            client.select("INBOX")
            return len(client.uid("SEARCH", None, "UNSEEN")[1][0].split())

    def __enter__(self) -> ImapServer:
        dovecot = shutil.which("dovecot") or "/usr/sbin/dovecot"
        if not Path(dovecot).exists():
            raise RuntimeError("Dovecot is not installed: `make test` installs Debian's dovecot-imapd")
        # Dovecot will not serve mail as root: the mail belongs to its own system user.
        owner = pwd.getpwnam("dovecot") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
        self._root.chmod(0o755)
        (self._root / "mail").mkdir()
        os.chown(self._root / "mail", owner.pw_uid, owner.pw_gid)
        conf = self._root / "dovecot.conf"
        conf.write_text(
            DOVECOT_CONF.format(
                root=self._root, port=self.port, password=self.password, uid=owner.pw_uid, gid=owner.pw_gid
            )
        )
        self._process = subprocess.Popen(
            [dovecot, "-F", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if self._process.poll() is not None:
                    raise RuntimeError(f"Dovecot did not start: {self._process.stderr.read().decode()}") from None
                time.sleep(0.05)
        raise RuntimeError("Dovecot did not open its port within 20 s")

    def __exit__(self, *_exc: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=20)
        shutil.rmtree(self._root, ignore_errors=True)
