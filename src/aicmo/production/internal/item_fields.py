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
HASHTAGS_ARE = "Hashtags are one # then letters or digits, separated by spaces, like #Coffee #Lisbon"
STRAY_MARKS = re.compile(r"^\W+|\W+$")
"""Marks around a word (`#`, `,`, quotes, brackets) that a tag written by hand often carries."""
SHOWN_WRONG = 4
"""Wrong words a message names; past that, the last place says how many more."""


def required_fields(kind: ContentKind) -> frozenset[str]:
    fields = SECTIONS[kind].model_fields.items()
    return frozenset(STORED_AS.get(name, name) for name, field in fields if field.is_required())


def hashtags_problem(value: str) -> str | None:
    """Why `value` is not hashtags separated by spaces, or None when it is (or is empty): every
    wrong word up to a few, each with its fix when only stray marks around a tag are wrong."""
    wrong = list(dict.fromkeys(word for word in value.split() if not HASHTAG.fullmatch(word)))
    if not wrong:
        return None
    shown = wrong if len(wrong) <= SHOWN_WRONG else wrong[: SHOWN_WRONG - 1]
    listed = [_with_fix(word) for word in shown] + ([f"and {len(wrong) - len(shown)} more"] if shown != wrong else [])
    subject = "not a hashtag" if len(wrong) == 1 else f"{len(wrong)} words are not hashtags"
    return f"{subject}: {'; '.join(listed)}. {HASHTAGS_ARE}"


def _with_fix(word: str) -> str:
    """`'coffee,' — write #coffee`, `'##double' — write #double`; a word with no stray mark is left to the rule."""
    core = STRAY_MARKS.sub("", word)
    tag = f"#{core}"
    return f"{word!r} — write {tag}" if core != word and HASHTAG.fullmatch(tag) else repr(word)
