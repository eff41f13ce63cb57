"""Which section model each kind of section is written into, and its JSON Schema."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel

from aicmo.creatives.api.sections import (
    AdCopy,
    BlogOutlineCopy,
    CalendarEntryCopy,
    EmailCopy,
    LandingPageCopy,
    PostCopy,
)

SECTION_MODELS: dict[str, type[BaseModel]] = {
    "social_post": PostCopy,
    "calendar_entry": CalendarEntryCopy,
    "email": EmailCopy,
    "ad": AdCopy,
    "landing_page": LandingPageCopy,
    "blog_outline": BlogOutlineCopy,
}


def section_model(kind: str) -> type[BaseModel]:
    model = SECTION_MODELS.get(kind)
    if model is None:
        raise ValueError(f"no section kind {kind!r}: use one of {', '.join(SECTION_MODELS)}")
    return model


@cache
def section_schema(kind: str) -> dict:
    """The JSON Schema of a kind's section, built once per process (pydantic takes milliseconds
    to build it, and every model call sends it). Shared: read it, never change it."""
    return section_model(kind).model_json_schema()
