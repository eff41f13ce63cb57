"""What the fake channels share: they count tries and refuse the first few, as a channel that is down would."""

from __future__ import annotations

from aicmo.kernel.errors import ChannelUnavailable


class RefusingChannel:
    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.attempts = 0

    def _try(self, refusal: str) -> None:
        """Count a try; raise ChannelUnavailable(`refusal`) while refusals are left."""
        self.attempts += 1
        if self.refusals:
            self.refusals -= 1
            raise ChannelUnavailable(refusal)
