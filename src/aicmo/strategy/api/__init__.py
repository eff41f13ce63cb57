"""Strategy: turns a validated brief into an eight-layer marketing strategy — business
reality to measurement — versioned, approvable and discardable."""

from aicmo.strategy.api.dtos import (
    ChannelAllocation,
    Kpi,
    Milestone,
    Strategy,
    StrategyId,
    StrategyLayer,
    StrategyStatus,
    StrategyVersionId,
)
from aicmo.strategy.api.events import StrategyApproved, StrategyGenerated
from aicmo.strategy.api.ports import StrategyPlanner

CONTRACT_VERSION = "0.3.0"

__all__ = [
    "CONTRACT_VERSION",
    "ChannelAllocation",
    "Kpi",
    "Milestone",
    "Strategy",
    "StrategyApproved",
    "StrategyGenerated",
    "StrategyId",
    "StrategyLayer",
    "StrategyPlanner",
    "StrategyStatus",
    "StrategyVersionId",
]
