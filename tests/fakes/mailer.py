"""A Mailer that keeps what it sends, and can refuse its first tries as a server that is down would."""

from __future__ import annotations

from aicmo.gateways.api import EmailMessage
from tests.fakes.refusing_channel import RefusingChannel


class FakeMailer(RefusingChannel):
    def __init__(self, *, refusals: int = 0) -> None:
        super().__init__(refusals)
        self.sent: list[EmailMessage] = []

    def send(self, message: EmailMessage) -> str:
        self._try("the SMTP server at 127.0.0.1:2525 did not answer")
        self.sent.append(message)
        return f"<{len(self.sent)}@fake.aicmo>"
