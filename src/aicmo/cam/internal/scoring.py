"""Lead scoring: ICP fit (up to 70) plus engagement (up to 30) → 0-100, a grade, the reasons.

Pure and cheap: it runs for every imported lead and again whenever a lead moves.
"""

from __future__ import annotations

import json
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
_GRADE_OF = tuple(next(letter for floor, letter in GRADES if total >= floor) for total in range(101))
"""The grade of every total (fit up to 70 plus engagement up to 30)."""
_NUMBER = re.compile(r"\d[\d,]*")
_NO_RULES = "the campaign sets no ICP rules: fit counted as average (35)"
_NO_RULES_JSON = json.dumps(_NO_RULES)
_json_item = lru_cache(maxsize=65_536)(json.dumps)


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
    """Only the ICP criteria the campaign sets count towards fit, scaled to 70."""
    return Scorer(icp, stage).score(lead)


class Scorer:
    """One campaign's ICP rules at one stage, read once to score many leads.

    Lead lists repeat the same few industries, titles and places, and sizes from a short
    range: each part is judged once (cached) and the parts are only added up per lead.
    """

    def __init__(self, icp: IcpRules, stage: LeadStage) -> None:
        self._text_rules = (tuple(icp.industries), tuple(icp.titles), tuple(icp.locations))
        sized = icp.min_company_size is not None or icp.max_company_size is not None
        self._size_rules = (icp.min_company_size, icp.max_company_size) if sized else None
        self._engagement = ENGAGEMENT[stage]
        self._stage_reasons, self._stage_json = _engagement_reasons(stage)

    def score(self, lead: dict[str, str | None]) -> Score:
        earned, available, text_reasons, size_reason = self._fit(lead)
        reasons = (
            *text_reasons,
            *(() if size_reason is None else (size_reason,)),
            *(() if available else (_NO_RULES,)),
            *self._stage_reasons,
        )
        return Score(*self._total(earned, available), reasons)

    def columns(self, lead: dict[str, str | None]) -> tuple[int, str, str]:
        """The score, the grade and the reasons as a JSON list (what `score` gives, as stored),
        each part's reasons encoded once."""
        earned, available, text_reasons, size_reason = self._fit(lead)
        parts = (
            _json_items(text_reasons),
            "" if size_reason is None else _json_item(size_reason),
            "" if available else _NO_RULES_JSON,
            self._stage_json,
        )
        return *self._total(earned, available), f"[{', '.join(filter(None, parts))}]"

    def _fit(self, lead: dict[str, str | None]) -> tuple[int, int, tuple[str, ...], str | None]:
        """Points earned and available, the reasons of the text rules and that of the size rule."""
        earned, available, reasons = _text_fit(
            lead.get("industry"), lead.get("title"), lead.get("location"), *self._text_rules
        )
        if self._size_rules is None:
            return earned, available, reasons, None
        points, reason = _size_fit(lead.get("company_size"), *self._size_rules)
        return earned + points, available + FIT_POINTS["company_size"], reasons, reason

    def _total(self, earned: int, available: int) -> tuple[int, str]:
        total = (round(70 * earned / available) if available else 35) + self._engagement
        return total, _GRADE_OF[total]


@lru_cache(maxsize=65_536)
def _text_fit(
    industry: str | None,
    title: str | None,
    location: str | None,
    industries: tuple[str, ...],
    titles: tuple[str, ...],
    locations: tuple[str, ...],
) -> tuple[int, int, tuple[str, ...]]:
    """Points earned, points available and the reasons of the industry, title and location rules the campaign sets."""
    earned = available = 0
    reasons = []
    for field, value, wanted in (
        ("industry", industry, industries),
        ("title", title, titles),
        ("location", location, locations),
    ):
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


@lru_cache(maxsize=len(LeadStage))
def _engagement_reasons(stage: LeadStage) -> tuple[tuple[str, ...], str]:
    """The reason engagement at `stage` adds, if any, and the same as JSON list items."""
    reasons = (f"stage {stage} (+{ENGAGEMENT[stage]} engagement)",) if ENGAGEMENT[stage] else ()
    return reasons, _json_items(reasons)


@lru_cache(maxsize=65_536)
def _json_items(reasons: tuple[str, ...]) -> str:
    """The reasons as the items of a JSON list, without its brackets."""
    return ", ".join(map(json.dumps, reasons))
