"""Lead scoring: ICP fit (up to 70) plus engagement (up to 30) → 0-100, a grade, the reasons.

Pure and cheap: it runs for every imported lead and again whenever a lead moves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from aicmo.cam.api.dtos import IcpRules, LeadStage

FIT_POINTS = {"industry": 25, "title": 20, "location": 15, "company_size": 10}
ENGAGEMENT = {
    LeadStage.NEW: 0,
    LeadStage.CONTACTED: 5,
    LeadStage.REPLIED: 15,
    LeadStage.QUALIFIED: 22,
    LeadStage.MEETING: 30,
    LeadStage.WON: 30,
    LeadStage.LOST: 0,
}
GRADES = ((75, "A"), (50, "B"), (25, "C"), (0, "D"))
_NUMBER = re.compile(r"\d[\d,]*")


@dataclass(frozen=True)
class Score:
    score: int
    grade: str
    reasons: tuple[str, ...]


def _contains_any(value: str | None, wanted: tuple[str, ...]) -> bool:
    text = (value or "").casefold()
    return bool(text) and any(w.casefold() in text for w in wanted)


def _size(value: str | None) -> int | None:
    numbers = _NUMBER.findall(value or "")
    return int(numbers[-1].replace(",", "")) if numbers else None


def score_lead(lead: dict[str, str | None], icp: IcpRules, stage: LeadStage) -> Score:
    """Only the ICP criteria the campaign sets count towards fit, scaled to 70.

    Lead lists repeat the same few industries, titles and places, and sizes from a short
    range: each part is judged once (cached) and the parts are only added up per lead.
    """
    earned, available, reasons = _text_fit(lead.get("industry"), lead.get("title"), lead.get("location"), tuple(icp.industries), tuple(icp.titles), tuple(icp.locations))
    if icp.min_company_size is not None or icp.max_company_size is not None:
        points, reason = _size_fit(lead.get("company_size"), icp.min_company_size, icp.max_company_size)
        earned, available, reasons = earned + points, available + FIT_POINTS["company_size"], (*reasons, reason)
    if not available:
        reasons = (*reasons, "the campaign sets no ICP rules: fit counted as average (35)")
    engagement = ENGAGEMENT[stage]
    if engagement:
        reasons = (*reasons, f"stage {stage} (+{engagement} engagement)")
    total = (round(70 * earned / available) if available else 35) + engagement
    return Score(total, next(letter for floor, letter in GRADES if total >= floor), reasons)


@lru_cache(maxsize=65_536)
def _text_fit(
    industry: str | None, title: str | None, location: str | None, industries: tuple[str, ...], titles: tuple[str, ...], locations: tuple[str, ...]
) -> tuple[int, int, tuple[str, ...]]:
    """Points earned, points available and the reasons of the industry, title and location rules the campaign sets."""
    earned = available = 0
    reasons = []
    for field, value, wanted in (("industry", industry, industries), ("title", title, titles), ("location", location, locations)):
        if not wanted:
            continue
        available += FIT_POINTS[field]
        if _contains_any(value, wanted):
            earned += FIT_POINTS[field]
            reasons.append(f"{field} {value!r} fits the ICP (+{FIT_POINTS[field]})")
        else:
            reasons.append(f"{field} {value or 'unknown'!r} is outside the ICP")
    return earned, available, tuple(reasons)


@lru_cache(maxsize=65_536)
def _size_fit(value: str | None, min_size: int | None, max_size: int | None) -> tuple[int, str]:
    size = _size(value)
    if size is not None and (min_size or 0) <= size <= (max_size or 10**9):
        return FIT_POINTS["company_size"], f"company size {size} fits the ICP (+{FIT_POINTS['company_size']})"
    return 0, f"company size {value or 'unknown'!r} is outside the ICP"
