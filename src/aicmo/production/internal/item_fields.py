"""What an edit must leave in an item's fields: each field its kind's section requires of every
writer (creatives' section models) keeps some copy, and hashtags stay hashtags."""

from __future__ import annotations

import re

from pydantic import BaseModel

from aicmo.creatives.api import AdCopy, BlogOutlineCopy, CalendarEntryCopy, EmailCopy, LandingPageCopy, PostCopy
from aicmo.production.api.dtos import ContentKind

SECTIONS: dict[ContentKind, type[BaseModel]] = {
    ContentKind.CALENDAR_ENTRY: CalendarEntryCopy,
    ContentKind.SOCIAL_POST: PostCopy,
    ContentKind.EMAIL: EmailCopy,
    ContentKind.AD: AdCopy,
    ContentKind.LANDING_PAGE: LandingPageCopy,
    ContentKind.BLOG_OUTLINE: BlogOutlineCopy,
}
STORED_AS = {"sections": "outline"}
"""A blog outline's sections are stored as one Markdown field."""
HASHTAG = re.compile(r"#[^\W_]\w*")
"""`#` then a letter or digit, then word characters: what the platforms link, and QC reads, as a tag."""


def required_fields(kind: ContentKind) -> frozenset[str]:
    fields = SECTIONS[kind].model_fields.items()
    return frozenset(STORED_AS.get(name, name) for name, field in fields if field.is_required())


def hashtags_problem(value: str) -> str | None:
    """Why `value` is not hashtags separated by spaces, or None when it is (or is empty)."""
    wrong = next((word for word in value.split() if not HASHTAG.fullmatch(word)), None)
    if wrong is None:
        return None
    return f"{wrong!r} is not a hashtag: write hashtags only, separated by spaces, like #Coffee #Lisbon"
