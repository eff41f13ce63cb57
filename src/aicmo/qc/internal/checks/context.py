"""What a check sees besides the item: the brief, its rule's parameters, the items before it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from aicmo.onboarding.api import Brief
from aicmo.production.api import ContentItem, ContentItemId


@dataclass(frozen=True)
class CheckContext:
    brief: Brief
    params: Any = field(default_factory=dict)
    """The rule's parameters: their validated model when the rule has one, else as written in rules.yaml."""
    earlier: tuple[ContentItem, ...] = ()
    """The pack's items before this one, for pack-level rules such as near-duplicates."""
    memo: dict[Any, Any] = field(default_factory=dict)
    """Scratch space shared by every check of one pack evaluation, so a pack rule reads each item once."""
    labels: Mapping[ContentItemId, str] = field(default_factory=dict)
    """Each item of the pack as people name it (`Calendar post 3 · Facebook`), for messages about other items."""


def contains_phrase(text: str, phrase: str) -> bool:
    """Whole word or phrase, any case; a phrase starting or ending with a symbol matches as written."""
    left = r"\b" if phrase[:1].isalnum() else ""
    right = r"\b" if phrase[-1:].isalnum() else ""
    return re.search(rf"(?i){left}{re.escape(phrase)}{right}", text) is not None
