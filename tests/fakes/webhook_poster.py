"""A WebhookPoster that keeps what it posts, and can refuse its first tries as a failing endpoint would."""

from __future__ import annotations

from aicmo.gateways.api import WebhookCall
from tests.fakes.refusing_channel import RefusingChannel


class FakeWebhookPoster(RefusingChannel):
    def __init__(self, *, refusals: int = 0) -> None:
        super().__init__(refusals)
        self.posted: list[WebhookCall] = []

    def post(self, call: WebhookCall) -> int:
        self._try(f"{call.url} answered 503 Service Unavailable")
        self.posted.append(call)
        return 200
