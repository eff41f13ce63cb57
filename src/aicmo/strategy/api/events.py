"""Events strategy publishes."""

from __future__ import annotations

from aicmo.kernel.events import DomainEvent
from aicmo.onboarding.api import BriefVersionId
from aicmo.strategy.api.dtos import StrategyId, StrategyVersionId


class StrategyGenerated(DomainEvent):
    strategy_id: StrategyId
    version_id: StrategyVersionId
    version: int
    brief_version_id: BriefVersionId


class StrategyApproved(DomainEvent):
    strategy_id: StrategyId
    version_id: StrategyVersionId
    version: int
