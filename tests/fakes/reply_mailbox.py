"""A ReplyMailbox in memory: messages wait unread until collected, like an IMAP inbox."""

from __future__ import annotations

from collections.abc import Callable

from aicmo.kernel.errors import ChannelUnavailable


class FakeReplyMailbox:
    """`refusing` makes every collect fail as a refused login would. With `crash_after`, the
    collect stops after handing over that many messages without marking them read, as a
    process killed mid-collect leaves them."""

    def __init__(self, messages: list[bytes] = (), *, refusing: str | None = None) -> None:
        self.unread = list(messages)
        self.refusing = refusing
        self.crash_after: int | None = None

    def collect(self, handle: Callable[[bytes], None]) -> int:
        if self.refusing is not None:
            raise ChannelUnavailable(self.refusing)
        handed = 0
        for raw in list(self.unread):
            handle(raw)
            handed += 1
            if handed == self.crash_after:
                raise ConnectionResetError("the process stopped mid-collect")
        self.unread.clear()
        return handed
