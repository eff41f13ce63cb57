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


@lru_cache(maxsize=65_536)
def _contains_any(value: str | None, wanted: tuple[str, ...]) -> bool:
    """Cached apart from `_score`: the same titles recur with ever new company sizes."""
    text = (value or "").casefold()
    return bool(text) and any(w.casefold() in text for w in wanted)


def _size(value: str | None) -> int | None:
    numbers = _NUMBER.findall(value or "")
    return int(numbers[-1].replace(",", "")) if numbers else None


def score_lead(lead: dict[str, str | None], icp: IcpRules, stage: LeadStage) -> Score:
    """Only the ICP criteria the campaign sets count towards fit, scaled to 70."""
    rules = (tuple(icp.industries), tuple(icp.titles), tuple(icp.locations), icp.min_company_size, icp.max_company_size)
    return _score(lead.get("industry"), lead.get("title"), lead.get("location"), lead.get("company_size"), rules, stage)


@lru_cache(maxsize=65_536)
def _score(
    industry: str | None,
    title: str | None,
    location: str | None,
    company_size: str | None,
    rules: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int | None, int | None],
    stage: LeadStage,
) -> Score:
    """Lead lists repeat the same few industries, titles and places: each combination is scored once."""
    lead = {"industry": industry, "title": title, "location": location, "company_size": company_size}
    industries, titles, locations, min_size, max_size = rules
    earned = available = 0
    reasons = []
    for field, wanted in (("industry", industries), ("title", titles), ("location", locations)):
        if not wanted:
            continue
        available += FIT_POINTS[field]
        if _contains_any(lead.get(field), wanted):
            earned += FIT_POINTS[field]
            reasons.append(f"{field} {lead.get(field)!r} fits the ICP (+{FIT_POINTS[field]})")
        else:
            reasons.append(f"{field} {lead.get(field) or 'unknown'!r} is outside the ICP")
    if min_size is not None or max_size is not None:
        available += FIT_POINTS["company_size"]
        size = _size(lead.get("company_size"))
        low, high = min_size or 0, max_size or 10**9
        if size is not None and low <= size <= high:
            earned += FIT_POINTS["company_size"]
            reasons.append(f"company size {size} fits the ICP (+{FIT_POINTS['company_size']})")
        else:
            reasons.append(f"company size {lead.get('company_size') or 'unknown'!r} is outside the ICP")
    fit = round(70 * earned / available) if available else 35
    if not available:
        reasons.append("the campaign sets no ICP rules: fit counted as average (35)")
    engagement = ENGAGEMENT[stage]
    if engagement:
        reasons.append(f"stage {stage} (+{engagement} engagement)")
    total = fit + engagement
    grade = next(letter for floor, letter in GRADES if total >= floor)
    return Score(total, grade, tuple(reasons))
