"""The content pack as it crosses module boundaries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from aicmo.kernel.ids import TypedId
from aicmo.onboarding.api import BriefVersionId
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
