"""A Mailer that keeps what it sends, or refuses while `refusing` is set, as a server may."""

from __future__ import annotations

from aicmo.gateways.api import EmailMessage
from aicmo.kernel.errors import ChannelUnavailable


class FakeMailer:
    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []
        self.refusing: str | None = None

    def send(self, message: EmailMessage) -> str:
        if self.refusing:
            raise ChannelUnavailable(self.refusing)
        self.sent.append(message)
        return f"<{len(self.sent)}@fake.mailer>"

    def recipients(self) -> list[str]:
        return [message.to for message in self.sent]
