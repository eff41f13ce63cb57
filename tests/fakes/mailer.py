"""A Mailer that keeps what it sends; it refuses its first `refusals` tries, as a server that
is down would, and every try while `refusing` names why."""

from __future__ import annotations

from aicmo.gateways.api import EmailMessage
from aicmo.kernel.errors import ChannelUnavailable
from tests.fakes.refusing_channel import RefusingChannel


class FakeMailer(RefusingChannel):
    def __init__(self, *, refusals: int = 0) -> None:
        super().__init__(refusals)
        self.sent: list[EmailMessage] = []
        self.refusing: str | None = None

    def send(self, message: EmailMessage) -> str:
        if self.refusing:
            raise ChannelUnavailable(self.refusing)
        self._try("the SMTP server at 127.0.0.1:2525 did not answer")
        self.sent.append(message)
        return f"<{len(self.sent)}@fake.aicmo>"

    def recipients(self) -> list[str]:
        return [message.to for message in self.sent]
