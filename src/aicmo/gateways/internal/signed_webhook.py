"""WebhookPoster over HTTP(S) with an HMAC-SHA256 signature the receiver can verify.

The signature covers `<timestamp>.<body>` and travels in X-AICMO-Signature as
`sha256=<hex>`, with the timestamp in X-AICMO-Timestamp (replays can be refused).
The request goes to the address the policy checked, redirects are not followed (a 3xx
is a failed attempt) and each attempt ends by its deadline, however slowly the
endpoint answers.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import socket
import ssl
import time

from aicmo.gateways.api.dtos import WebhookCall
from aicmo.gateways.internal.socket_deadline import SocketDeadline
from aicmo.gateways.internal.webhook_address import AddressRefused, PublicAddressPolicy, WebhookTarget
from aicmo.kernel.errors import ChannelUnavailable
from aicmo.platform.urls import without_password


def signature(secret: bytes, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class SignedWebhookPoster:
    def __init__(self, secret: str, addresses: PublicAddressPolicy, deadline_seconds: float) -> None:
        if not secret:
            raise ValueError("AICMO_WEBHOOK_SECRET is empty: set a shared secret to sign webhooks")
        self._secret = secret.encode()
        self._addresses = addresses
        self._deadline = deadline_seconds

    def post(self, call: WebhookCall) -> int:
        shown = without_password(call.url)
        try:
            target = self._addresses.target(call.url)
        except AddressRefused as refusal:
            raise ChannelUnavailable(f"webhook {shown} {refusal}") from None
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "AICMO-webhook/1",
            "Idempotency-Key": call.idempotency_key,
            "X-AICMO-Timestamp": timestamp,
            "X-AICMO-Signature": signature(self._secret, timestamp, call.body),
        }
        with SocketDeadline(self._deadline) as deadline:
            connection = _connection(target, deadline)
            try:
                connection.request("POST", target.path, body=call.body, headers=headers)
                response = connection.getresponse()
                status, reason = response.status, _printable(response.reason)
            except (http.client.HTTPException, OSError) as error:
                if deadline.ran_out(error):
                    raise ChannelUnavailable(f"webhook {shown} did not answer within {self._deadline:g} s") from None
                raise ChannelUnavailable(f"webhook {shown} did not answer: {_printable(str(error))}") from None
            finally:
                connection.close()
        if 300 <= status < 400:
            raise ChannelUnavailable(
                f"webhook {shown} answered {status} {reason}: redirects are not followed — give the URL it points to"
            )
        if not 200 <= status < 300:
            raise ChannelUnavailable(f"webhook {shown} answered {status} {reason}")
        return status


def _connection(target: WebhookTarget, deadline: SocketDeadline) -> http.client.HTTPConnection:
    """A connection to the checked address, named by its host (Host header, TLS name)."""
    if target.scheme == "https":
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            target.host, target.port, timeout=deadline.seconds, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(target.host, target.port, timeout=deadline.seconds)

    def connect_to_checked_address(
        _address: tuple[str, int], timeout: float, source_address: tuple[str, int] | None = None
    ) -> socket.socket:
        opened = socket.create_connection((target.address, target.port), timeout, source_address)
        deadline.watch(opened)
        return opened

    connection._create_connection = connect_to_checked_address  # noqa: SLF001 - http.client's hook for opening the socket
    return connection


def _printable(text: str) -> str:
    """An endpoint's words, safe to print: control characters dropped, cut short."""
    kept = "".join(char for char in text if char.isprintable())
    return kept if len(kept) <= 160 else kept[:159] + "…"
