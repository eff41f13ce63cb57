"""A Mailer that keeps what it sends, and can refuse its first tries as a server that is down would."""

from __future__ import annotations

from aicmo.gateways.api import EmailMessage
from aicmo.kernel.errors import ChannelUnavailable


class FakeMailer:
    def __init__(self, *, refusals: int = 0) -> None:
        self.refusals = refusals
        self.sent: list[EmailMessage] = []
        self.attempts = 0

    def send(self, message: EmailMessage) -> str:
        self.attempts += 1
        if self.refusals:
            self.refusals -= 1
            raise ChannelUnavailable("the SMTP server at 127.0.0.1:2525 did not answer")
        self.sent.append(message)
        return f"<{len(self.sent)}@fake.aicmo>"
