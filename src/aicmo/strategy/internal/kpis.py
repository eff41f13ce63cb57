"""KPI texts → numeric targets with the time frame they are counted over."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aicmo.onboarding.api import Brief
from aicmo.strategy.api.dtos import Kpi
from aicmo.strategy.internal.channel_data import channel_data
from aicmo.strategy.internal.phrasing import phrasing

WEEKS_PER = {"day": 1 / 7, "week": 1, "month": 52 / 12, "quarter": 13, "year": 52}
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "eight": 8,
    "ten": 10,
    "twelve": 12,
}
_COUNT = rf"(?P<count>\d+|{'|'.join(_COUNTS)})"
_UNIT = r"(?P<unit>day|week|month|quarter|year)s?\b"
_SPAN = re.compile(
    rf"\b(?:in|within|over|during|by|for|across|after)\s+(?:the\s+)?(?:first\s+|next\s+|coming\s+)?(?:{_COUNT}\s+)?{_UNIT}",
    re.IGNORECASE,
)
_BY_WEEK = re.compile(r"\bby\s+(?P<unit>week|month)\s+(?P<count>\d+)\b", re.IGNORECASE)
_RATE = re.compile(rf"(?:\b(?:per|a|an|each|every)\s+(?:{_COUNT}\s+)?|/\s*){_UNIT}", re.IGNORECASE)
_ADVERB = re.compile(r"\b(?P<unit>week|month|quarter|year)ly\b|\b(?P<annual>annually)\b", re.IGNORECASE)
_THIS = re.compile(r"\b(?:this|the|each|every|per)\s+(?P<unit>quarter|year|month)\b|\bQ[1-4]\b", re.IGNORECASE)

_NUMBER = re.compile(r"(?P<currency>[$€£])?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<suffix>%|k\b|m\b)?", re.IGNORECASE)
_AT_MOST = re.compile(r"\b(under|below|less than|at most|no more than|max(?:imum)?)\s*$", re.IGNORECASE)
_AT_LEAST = re.compile(r"\b(over|above|more than|at least|min(?:imum)?)\s*$", re.IGNORECASE)
_SCALE = {"k": 1_000, "m": 1_000_000}


@dataclass(frozen=True)
class TimeFrame:
    weeks: int
    recurring: bool
    span: tuple[int, int]
    """Where the time frame stands in the text, so its number is not read as the target."""


def plan_kpis(brief: Brief) -> list[Kpi]:
    weeks = brief.goal.timeline_weeks
    kpis = [kpi for text in brief.goal.kpis if (kpi := parse_kpi(text, weeks)) is not None]
    if kpis:
        return kpis
    return [
        Kpi(name=p.name, target=p.target, unit=p.unit, comparison=p.comparison, timeframe_weeks=weeks, proposed=True)
        for p in phrasing().proposed_kpis[brief.goal.objective.value]
    ]


def time_frame(text: str) -> TimeFrame | None:
    """'in 8 weeks' → 8; 'per month' → 4, recurring; 'in the quarter' → 13; None when the text names no period."""
    for pattern, recurring in ((_BY_WEEK, False), (_SPAN, False), (_RATE, True), (_ADVERB, True), (_THIS, False)):
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        unit = (groups.get("unit") or ("year" if groups.get("annual") else "quarter")).lower()
        count = groups.get("count")
        number = int(count) if count and count.isdigit() else _COUNTS.get((count or "").lower(), 1)
        recurring = recurring or match.group(0).lower().startswith(("each", "every", "per"))
        return TimeFrame(max(1, round(number * WEEKS_PER[unit])), recurring, match.span())
    return None


def parse_kpi(text: str, plan_weeks: int) -> Kpi | None:
    """'80 sign-ups in 8 weeks' → Sign-ups, 80, within 8 weeks;
    'Cost per acquisition under $35' → Cost per acquisition, at most 35 USD, over the plan.

    A target is judged within the plan: 'in the quarter' in an 8-week plan is within 8 weeks, not 13.
    """
    frame = time_frame(text)
    rest = (
        text if frame is None else text[: frame.span[0]] + " " * (frame.span[1] - frame.span[0]) + text[frame.span[1] :]
    )
    match = _NUMBER.search(rest)
    if match is None:
        return None
    target = float(match.group("number").replace(",", "")) * _SCALE.get((match.group("suffix") or "").lower(), 1)
    before, after = rest[: match.start()], rest[match.end() :]
    if match.group("suffix") == "%":
        unit = "%"
    elif match.group("currency"):
        unit = channel_data().currency_symbols[match.group("currency")]
    else:
        unit = _unit_words(after) or "units"
    comparison = "at_most" if _AT_MOST.search(before) else "at_least" if _AT_LEAST.search(before) else "reach"
    name = _AT_LEAST.sub("", _AT_MOST.sub("", before)).strip(" :-–—,") or _unit_words(after) or text
    return Kpi(
        name=name[:1].upper() + name[1:],
        target=target,
        unit=unit,
        comparison=comparison,
        timeframe_weeks=_within_plan(frame, plan_weeks),
        recurring=frame.recurring if frame else False,
        proposed=False,
    )


def _within_plan(frame: TimeFrame | None, plan_weeks: int) -> int:
    """The weeks a target is counted over: its own window, cut to the plan's end; a rate keeps its period."""
    if frame is None:
        return plan_weeks
    return frame.weeks if frame.recurring else min(frame.weeks, plan_weeks)


def _unit_words(rest: str) -> str:
    words = re.split(r"\b(?:in|per|within|by|over|during|each|every)\b", rest, maxsplit=1)[0]
    return " ".join(words.split()).strip(" .,;")


def describe_kpi(kpi: Kpi) -> str:
    bound = {"at_most": "at most ", "at_least": "at least ", "reach": ""}[kpi.comparison]
    unit = kpi.unit if kpi.unit == "%" else f" {kpi.unit}"
    label = " (proposed)" if kpi.proposed else ""
    return f"{kpi.name}: {bound}{kpi.target:,g}{unit} {kpi.time_frame()}{label}"
