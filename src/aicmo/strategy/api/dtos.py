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
    """The weeks the target is counted over: 8 for "in 8 weeks", 13 for "in the quarter"."""
    proposed: bool
    """True when AICMO derived the KPI; False when the brief gave it."""
    recurring: bool = False
    """True for a rate ("per month"): the target holds in every period of `timeframe_weeks`."""

    def time_frame(self) -> str:
        """'within 8 weeks', or 'per month' for a rate."""
        if self.recurring:
            names = {1: "week", 4: "month", 13: "quarter", 52: "year"}
            return (
                f"per {names[self.timeframe_weeks]}"
                if self.timeframe_weeks in names
                else f"every {self.timeframe_weeks} weeks"
            )
        return "within 1 week" if self.timeframe_weeks == 1 else f"within {self.timeframe_weeks} weeks"


class Budget(_Frozen):
    """The brief's budget, read from its text ("8000 USD per month")."""

    amount: float
    currency: str
    """ISO code such as USD; empty when the brief names none."""
    period: str
    """week, month, quarter or year; "plan" when the amount is for the whole plan."""
    plan_total: float
    """The amount over the plan's weeks."""

    def money(self, amount: float) -> str:
        """An amount in this budget's currency: '3,840 USD'."""
        figure = f"{amount:,.0f}" if amount == int(amount) or amount >= 100 else f"{amount:,.2f}"
        return f"{figure} {self.currency}".strip()

    def label(self, amount: float) -> str:
        """An amount in this budget's currency and period: '3,840 USD per month'."""
        return f"{self.money(amount)} {'for the plan' if self.period == 'plan' else f'per {self.period}'}"


class ChannelAllocation(_Frozen):
    platform: str
    share_percent: int
    role: str
    cadence_per_week: int
    """Posts (sends, videos) a week: the channel's share of the plan's weekly posts."""
    tactics: list[str]
    budget_amount: float | None = None
    """The share of the budget in its currency and period; None when the brief gives no budget."""


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
    budget: Budget | None = None
    warnings: list[str] = []
    """KPIs that the budget cannot reach, each with the figures and the fix."""
