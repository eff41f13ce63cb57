"""A WebhookPoster that keeps what it posts, and can refuse its first tries as a failing endpoint would."""

from __future__ import annotations

from aicmo.gateways.api import WebhookCall
from aicmo.kernel.errors import ChannelUnavailable


class FakeWebhookPoster:
    def __init__(self, *, refusals: int = 0) -> None:
        self.refusals = refusals
        self.posted: list[WebhookCall] = []
        self.attempts = 0

    def post(self, call: WebhookCall) -> int:
        self.attempts += 1
        if self.refusals:
            self.refusals -= 1
            raise ChannelUnavailable(f"{call.url} answered 503 Service Unavailable")
        self.posted.append(call)
        return 200
