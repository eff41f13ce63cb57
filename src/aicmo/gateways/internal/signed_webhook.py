"""WebhookPoster over HTTP(S) with an HMAC-SHA256 signature the receiver can verify.

The signature covers `<timestamp>.<body>` and travels in X-AICMO-Signature as
`sha256=<hex>`, with the timestamp in X-AICMO-Timestamp (replays can be refused).
"""

from __future__ import annotations

import hashlib
import hmac
import time
import urllib.error
import urllib.request

from aicmo.gateways.api.dtos import WebhookCall
from aicmo.kernel.errors import ChannelUnavailable

TIMEOUT_SECONDS = 15


def signature(secret: bytes, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class SignedWebhookPoster:
    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("AICMO_WEBHOOK_SECRET is empty: set a shared secret to sign webhooks")
        self._secret = secret.encode()

    def post(self, call: WebhookCall) -> int:
        timestamp = str(int(time.time()))
        request = urllib.request.Request(
            call.url,
            data=call.body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "User-Agent": "AICMO-webhook/1",
                "Idempotency-Key": call.idempotency_key,
                "X-AICMO-Timestamp": timestamp,
                "X-AICMO-Signature": signature(self._secret, timestamp, call.body),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - the operator gave this URL
                return int(response.status)
        except urllib.error.HTTPError as error:
            raise ChannelUnavailable(f"webhook {call.url} answered {error.code} {error.reason}") from None
        except (urllib.error.URLError, OSError) as error:
            raise ChannelUnavailable(f"webhook {call.url} did not answer: {getattr(error, 'reason', error)}") from None
