"""Strategy: turns a validated brief into an eight-layer marketing strategy — business
reality to measurement — versioned, approvable and discardable."""

from aicmo.strategy.api.dtos import (
    Budget,
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

CONTRACT_VERSION = "0.4.0"

__all__ = [
    "CONTRACT_VERSION",
    "Budget",
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
