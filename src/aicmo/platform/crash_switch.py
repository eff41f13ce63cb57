"""A test switch that kills the process right after a named step (AICMO_CRASH_AT), so a test
can prove that a run resumes where it stopped. Unset, it does nothing."""

from __future__ import annotations

import os
from dataclasses import dataclass

CRASH_EXIT_CODE = 137
"""What a shell reports for a process killed by SIGKILL."""


@dataclass(frozen=True)
class CrashSwitch:
    at: str | None = None
    """The step after which the process dies; None for never."""

    def after(self, step: str) -> None:
        """Die abruptly when the switch names `step`: the step's writes are committed but DBOS has not
        recorded it, so a resumed run runs it again — and the step's idempotency key makes that harmless."""
        if self.at == step:
            os._exit(CRASH_EXIT_CODE)
