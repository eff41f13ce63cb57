"""Loads the pack plan (pack_plan.yaml) and lists the sections a brief's plan asks for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from aicmo.onboarding.api import Brief, Deliverable
from aicmo.production.api.dtos import ContentKind
from aicmo.production.internal.calendar import calendar_slots
from aicmo.strategy.api import Strategy


class PlatformForm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_chars: int
    hashtags: int
    post_at: dt.time
    note: str


class Counts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    calendar_entries: int
    calendar_days: int
    posts_per_platform: int
    emails: int
    ads_per_platform: int


class Distinct(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fields: list[str]
    max_similarity: int
    max_sentence_uses: int


class PackPlan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    platforms: dict[str, PlatformForm]
    counts: Counts
    distinct: Distinct


@cache
def pack_plan() -> PackPlan:
    path = Path(__file__).with_name("pack_plan.yaml")
    return PackPlan.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class PlannedItem:
    kind: ContentKind
    index: int
    platform: str | None = None
    scheduled_on: dt.date | None = None
    scheduled_time: dt.time | None = None


def social_platforms(strategy: Strategy) -> list[str]:
    """The strategy's channels that carry posts and ads (email has its own sequence)."""
    names = [c.platform for c in strategy.channels if c.platform != "email"]
    return names or ["facebook"]


def plan_items(brief: Brief, strategy: Strategy, *, weekdays_only: bool = False) -> list[PlannedItem]:
    counts = pack_plan().counts
    wanted = set(brief.plan.deliverables)
    platforms = social_platforms(strategy)
    items: list[PlannedItem] = []
    if Deliverable.CALENDAR_30D in wanted:
        items += calendar_items(brief, strategy, weekdays_only=weekdays_only)
    if Deliverable.SOCIAL_POSTS in wanted:
        items += [
            PlannedItem(ContentKind.SOCIAL_POST, n, platform)
            for platform in platforms
            for n in range(counts.posts_per_platform)
        ]
    if Deliverable.EMAIL_SEQUENCE in wanted:
        items += [PlannedItem(ContentKind.EMAIL, n, "email") for n in range(counts.emails)]
    if Deliverable.AD_COPY in wanted:
        items += [
            PlannedItem(ContentKind.AD, n, platform) for platform in platforms for n in range(counts.ads_per_platform)
        ]
    if Deliverable.LANDING_PAGE in wanted:
        items.append(PlannedItem(ContentKind.LANDING_PAGE, 0))
    if Deliverable.BLOG_OUTLINE in wanted:
        items.append(PlannedItem(ContentKind.BLOG_OUTLINE, 0))
    return items


def calendar_items(brief: Brief, strategy: Strategy, *, weekdays_only: bool) -> list[PlannedItem]:
    """The calendar's entries, channel by channel as the strategy's cadence asks, at each platform's local hour."""
    plan = pack_plan()
    cadence = {
        c.platform: c.cadence_per_week for c in strategy.channels if c.share_percent > 0 and c.cadence_per_week > 0
    }
    cadence = {p: n for p, n in cadence.items() if p in plan.platforms} or {p: 1 for p in social_platforms(strategy)}
    days = [brief.plan.start_date + dt.timedelta(days=d) for d in range(plan.counts.calendar_days)]
    slots = calendar_slots(cadence, days, plan.counts.calendar_entries, weekdays_only=weekdays_only)
    slots.sort(key=lambda slot: (slot[0], plan.platforms[slot[1]].post_at))
    return [
        PlannedItem(ContentKind.CALENDAR_ENTRY, n, platform, day, plan.platforms[platform].post_at)
        for n, (day, platform) in enumerate(slots)
    ]
