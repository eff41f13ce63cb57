"""Can each KPI and the budget both hold? A count KPI costs its target × the brief's own
cost target for it (cost per lead, per acquisition…) or, failing that, × the typical
cost of one such result; that must fit in the budget of the KPI's time frame."""

from __future__ import annotations

import re

from aicmo.strategy.api.dtos import Budget, Kpi
from aicmo.strategy.internal.channel_data import Segment, channel_data, words_pattern
from aicmo.strategy.internal.kpis import WEEKS_PER

_COST = re.compile(r"\b(?:cost|price|spend)\s+(?:per|of\s+an?|of\s+one|for\s+an?)\b|\bCP[ALC]\b|\bCAC\b", re.IGNORECASE)


def kind_of(text: str) -> str | None:
    """The kind of result a KPI counts ('qualified demo requests' → lead), by the data's words."""
    hits = [
        (match.start(), cost.kind)
        for cost in channel_data().typical_costs
        for match in words_pattern(cost.words).finditer(text)
    ]
    return max(hits)[1] if hits else None


def is_cost_target(kpi: Kpi) -> bool:
    return kpi.unit in channel_data().usd_rates and bool(_COST.search(kpi.name))


def budget_warnings(kpis: list[Kpi], budget: Budget | None, segment: Segment, plan_weeks: int) -> list[str]:
    """One warning per KPI the budget cannot pay for, with the figures and what to change."""
    if budget is None:
        return []
    costs = {
        kind: kpi
        for kpi in kpis
        if is_cost_target(kpi) and (kind := kind_of(kpi.name.split(" per ", 1)[-1])) is not None
    }
    warnings = []
    for kpi in kpis:
        kind = kind_of(f"{kpi.name} {kpi.unit}")
        if kpi.unit == "%" or is_cost_target(kpi) or kind is None or kpi.comparison == "at_most":
            continue
        own = costs.get(kind)
        if own is not None and own.unit in (budget.currency, ""):
            unit_cost, basis = own.target, f"at the brief's {own.name.lower()} of {budget.money(own.target)}"
        elif (typical := _typical(kind, segment, budget.currency)) is not None:
            unit_cost, basis = typical, f"at a typical {budget.money(typical)} per {kind}"
        else:
            continue
        needed = kpi.target * unit_cost
        available = budget_for(
            budget, kpi.timeframe_weeks if kpi.recurring else min(kpi.timeframe_weeks, plan_weeks), plan_weeks
        )
        if needed > available * 1.001:
            reachable = int(available // unit_cost)
            warnings.append(
                f"{kpi.target:,g} {kpi.unit} {kpi.time_frame()} {basis} cost about {budget.money(round(needed))}, "
                f"but the budget gives {budget.money(round(available))} in that time — "
                f"raise the budget to {budget.money(round(needed))} or aim for about {reachable:,} {kpi.unit}."
            )
    return warnings


def _typical(kind: str, segment: Segment, currency: str) -> float | None:
    data = channel_data()
    rate = data.usd_rates.get(currency)
    cost = next(c for c in data.typical_costs if c.kind == kind).usd[segment]
    return None if rate is None else round(cost * rate, 2)


def budget_for(budget: Budget, weeks: int, plan_weeks: int) -> float:
    """The budget spent over `weeks` (one period of a rate), spread evenly over the plan."""
    weekly = budget.plan_total / plan_weeks if budget.period == "plan" else budget.amount / WEEKS_PER[budget.period]
    return weekly * weeks


def fit_proposed(kpis: list[Kpi], budget: Budget | None, segment: Segment, plan_weeks: int) -> list[Kpi]:
    """Proposed count targets sized to what the budget buys at typical costs (brief KPIs are kept as given)."""
    if budget is None:
        return kpis
    sized = []
    for kpi in kpis:
        if kpi.proposed and is_cost_target(kpi):
            kind = kind_of(kpi.name.split(" per ", 1)[-1])
            typical = _typical(kind, segment, budget.currency) if kind else None
            if typical:
                kpi = kpi.model_copy(update={"target": typical, "unit": budget.currency})
        elif (
            kpi.proposed
            and kpi.comparison == "reach"
            and kpi.unit != "%"
            and (kind := kind_of(f"{kpi.name} {kpi.unit}"))
        ):
            typical = _typical(kind, segment, budget.currency)
            if typical:
                affordable = budget_for(budget, kpi.timeframe_weeks, plan_weeks) / typical
                kpi = kpi.model_copy(update={"target": float(_round_down(affordable))})
        sized.append(kpi)
    return sized


def _round_down(value: float) -> int:
    """Two significant figures, rounded down: 4,153 → 4,100; 166 → 160; 7 → 7."""
    if value < 10:
        return max(1, int(value))
    step = 10 ** (len(str(int(value))) - 2)
    return int(value // step * step)
