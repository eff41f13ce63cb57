"""A Ledger in memory: the calls charged and the answers kept, to look into."""

from __future__ import annotations

from aicmo.creatives.api import ModelCall


class FakeLedger:
    def __init__(self) -> None:
        self.answers: dict[str, str] = {}
        self.calls: list[ModelCall] = []

    def stored(self, key: str) -> str | None:
        return self.answers.get(key)

    def store(self, key: str, text: str, call: ModelCall) -> None:
        self.answers.setdefault(key, text)
        self.calls.append(call)

    def record(self, call: ModelCall) -> None:
        self.calls.append(call)

    def spent(self, run: str) -> float:
        return sum(call.cost_usd for call in self.calls if call.run == run)
