"""The content pack as it crosses module boundaries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from aicmo.kernel.ids import TypedId
from aicmo.onboarding.api import BriefVersionId, Platform
from aicmo.strategy.api import StrategyVersionId


class PackId(TypedId):
    """One content pack made for one strategy version."""


class ContentItemId(TypedId):
    """One piece of content in a pack."""


PLANNING_FIELDS = frozenset({"pillar", "format_note", "audience", "placement"})
"""Fields that guide the team but are not published."""


class ContentKind(StrEnum):
    CALENDAR_ENTRY = "calendar_entry"
    SOCIAL_POST = "social_post"
    EMAIL = "email"
    AD = "ad"
    LANDING_PAGE = "landing_page"
    BLOG_OUTLINE = "blog_outline"


ONE_OF = {
    ContentKind.CALENDAR_ENTRY: "Calendar post",
    ContentKind.SOCIAL_POST: "Social post",
    ContentKind.EMAIL: "Email",
    ContentKind.AD: "Ad",
    ContentKind.LANDING_PAGE: "Landing page",
    ContentKind.BLOG_OUTLINE: "Blog outline",
}
"""One item of each kind, as a person names it."""


def _platform_name(platform: str) -> str:
    """`linkedin` as a reader writes it: `LinkedIn`."""
    try:
        return Platform(platform).display_name
    except ValueError:
        return platform


class PackStatus(StrEnum):
    DRAFT = "draft"
    DISCARDED = "discarded"


class ContentItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    item_id: ContentItemId
    kind: ContentKind
    position: int
    platform: str | None
    scheduled_on: dt.date | None
    scheduled_time: dt.time | None = None
    """When to post, local to the brief's `plan.timezone`."""
    fields: dict[str, str]
    """The copy by field name: hook, body, cta, hashtags, subject, headline…"""
    brief_version_id: BriefVersionId
    strategy_version_id: StrategyVersionId
    revision: int = 1
    """1 as first written; each revision after a QC finding or an operator's comment adds one."""
    writer: str = "template"
    """Who wrote the current revision: `template`, or a model writer as `provider:model`."""
    prompt_version: str | None = None
    """The version of the prompt files a model was asked with; None for the template writer."""
    fallback_reason: str | None = None
    """Why the template writer wrote this item in the model's place (`AICMO_LLM_FALLBACK=template`), when it did."""

    @property
    def text(self) -> str:
        """All the copy of the item, planning notes included."""
        return "\n".join(value for value in self.fields.values() if value)

    @property
    def published_text(self) -> str:
        """What the audience reads once it is posted: without the planning fields (pillar, format
        note, ad targeting)."""
        return "\n\n".join(value for name, value in self.fields.items() if value and name not in PLANNING_FIELDS)


class ContentPack(BaseModel):
    model_config = ConfigDict(frozen=True)

    pack_id: PackId
    client_name: str
    status: PackStatus
    brief_version_id: BriefVersionId
    strategy_version_id: StrategyVersionId
    created_at: dt.datetime
    items: list[ContentItem]

    def of_kind(self, kind: ContentKind) -> list[ContentItem]:
        return [item for item in self.items if item.kind == kind]

    def item_labels(self) -> dict[ContentItemId, str]:
        """Each item as people name it, counted from 1 within its kind in the pack's order:
        `Calendar post 3 · Facebook`, the same for the client, the operator and QC's messages."""
        labels: dict[ContentItemId, str] = {}
        counted: dict[ContentKind, int] = {}
        for item in sorted(self.items, key=lambda i: i.position):
            counted[item.kind] = number = counted.get(item.kind, 0) + 1
            platform = f" · {_platform_name(item.platform)}" if item.platform else ""
            labels[item.item_id] = f"{ONE_OF[item.kind]} {number}{platform}"
        return labels
