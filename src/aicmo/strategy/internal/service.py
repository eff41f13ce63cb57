"""Strategy's use cases behind the StrategyPlanner port."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import BriefRecord
from aicmo.strategy.api.dtos import Strategy, StrategyVersionId
from aicmo.strategy.internal.strategy_repository import StrategyUnitOfWorkFactory
from aicmo.strategy.internal.use_cases import approve, discard, generate, read_strategies


class StrategyService:
    def __init__(self, uow: StrategyUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def generate(self, brief: BriefRecord, *, key: str | None = None) -> Strategy:
        return generate.generate(self._uow, self._clock, brief, key)

    def get(self, version_id: StrategyVersionId) -> Strategy:
        return read_strategies.get_version(self._uow, version_id)

    def approve(self, version_id: StrategyVersionId) -> Strategy:
        return approve.approve(self._uow, self._clock, version_id)

    def discard(self, version_id: StrategyVersionId) -> None:
        discard.discard(self._uow, self._clock, version_id)
