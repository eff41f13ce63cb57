"""Limits on what a person writes that every channel (console, review portal, API, CLI)
holds to alike, so that a text one channel refuses is refused by all.

A waiver's reason is checked where waivers are decided (qc); a decision's comment where each
channel takes it, since the review portal hands the workflow one comment made of a box per item."""

from __future__ import annotations

from aicmo.kernel.errors import InvalidInput, Problem

MAX_COMMENT = 2000
"""A comment on a decision, or the reason for a waiver: what the console's boxes let one type."""


def too_long(text: str) -> str | None:
    """What to tell whoever wrote `text` when it is past `MAX_COMMENT`; None when it fits."""
    if len(text) > MAX_COMMENT:
        return f"Keep it to {MAX_COMMENT:,} characters: this one has {len(text):,}."
    return None


def refuse_long_comment(field: str, text: str | None) -> None:
    """Raise InvalidInput naming `field` when `text` is past `MAX_COMMENT`."""
    if text and (message := too_long(text)):
        raise InvalidInput(f"the {field.lstrip('-')} is too long", [Problem(field, message)])
