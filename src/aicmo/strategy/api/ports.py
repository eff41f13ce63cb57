"""What other modules may ask of strategy."""

from __future__ import annotations

from typing import Protocol

from aicmo.onboarding.api import BriefRecord
from aicmo.strategy.api.dtos import Strategy, StrategyVersionId


class StrategyPlanner(Protocol):
    """Writes, versions and approves a client's marketing strategy."""

    def generate(self, brief: BriefRecord, *, key: str | None = None) -> Strategy:
        """Build the eight-layer strategy for a brief version and store it as the next version.

        A second call with the same `key` returns the version the first one stored.
        """
        ...

    def get(self, version_id: StrategyVersionId) -> Strategy:
        """One stored version; raises NotFound when there is none."""
        ...

    def approve(self, version_id: StrategyVersionId) -> Strategy:
        """Mark a version approved; raises Conflict when it was discarded."""
        ...

    def discard(self, version_id: StrategyVersionId) -> None:
        """Compensation: mark a version discarded. Idempotent."""
        ...
