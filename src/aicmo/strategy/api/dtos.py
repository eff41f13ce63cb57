"""The marketing strategy as it crosses module boundaries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from aicmo.kernel.ids import TypedId
from aicmo.onboarding.api import BriefVersionId


class StrategyId(TypedId):
    """One client's strategy across its versions."""


class StrategyVersionId(TypedId):
    """One immutable version of a strategy."""


class StrategyStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    DISCARDED = "discarded"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class StrategyLayer(_Frozen):
    """One of the eight layers, e.g. `audience_psychology`."""

    key: str
    title: str
    summary: str
    points: list[str]


class Kpi(_Frozen):
    name: str
    target: float
    unit: str
    comparison: str = "reach"
    """reach (hit the target), at_most (stay under it) or at_least (stay over it)."""
    timeframe_weeks: int
    proposed: bool
    """True when AICMO derived the KPI; False when the brief gave it."""


class ChannelAllocation(_Frozen):
    platform: str
    share_percent: int
    role: str
    cadence_per_week: int
    tactics: list[str]


class Milestone(_Frozen):
    week: int
    focus: str


class Strategy(_Frozen):
    strategy_id: StrategyId
    version_id: StrategyVersionId
    version: int
    brief_version_id: BriefVersionId
    client_name: str
    status: StrategyStatus
    big_idea: str
    layers: list[StrategyLayer]
    kpis: list[Kpi]
    channels: list[ChannelAllocation]
    timeline: list[Milestone]
    created_at: dt.datetime
