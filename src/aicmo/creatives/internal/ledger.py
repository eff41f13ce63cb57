"""The ledger of model calls and the answers they paid for, as the model writer sees it.

Read from outside the module through the ModelUsage port.
"""

from __future__ import annotations

from typing import Protocol

from aicmo.creatives.api.dtos import ModelCall


class Ledger(Protocol):
    def stored(self, key: str) -> str | None:
        """The answer kept under `key`, if a call already paid for it."""
        ...

    def store(self, key: str, text: str, call: ModelCall) -> None:
        """Keep an answer and charge the call that paid for it, together; when an answer is
        already kept under `key` (a resumed step), the first stays and the call is still charged."""
        ...

    def record(self, call: ModelCall) -> None:
        """Charge a call that brought no answer to keep."""
        ...

    def spent(self, run: str) -> float:
        """What the run's calls cost so far, in USD."""
        ...


def run_and_step(request_key: str | None) -> tuple[str | None, str | None]:
    """The run and step of a workflow request key (`run:step:round`)."""
    if not request_key:
        return None, None
    run, _, rest = request_key.partition(":")
    return run, rest.partition(":")[0] or None
