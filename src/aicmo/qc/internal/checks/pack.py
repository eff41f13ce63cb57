"""Rules across the pack: an item must not nearly repeat an earlier one."""

from __future__ import annotations

from rapidfuzz import fuzz

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext


def _describe(item: ContentItem) -> str:
    where = f"{item.kind.value} {item.position + 1}" + (f" ({item.platform})" if item.platform else "")
    return where


def near_duplicate(item: ContentItem, ctx: CheckContext) -> list[str]:
    """Fields such as the hook or body that are at least the configured % similar to the same field earlier in the pack."""
    found = []
    for field, threshold in ctx.params["fields"].items():
        text = item.fields.get(field, "").casefold()
        if not text:
            continue
        for earlier in ctx.earlier:
            other = earlier.fields.get(field, "").casefold()
            if other and fuzz.ratio(text, other) >= threshold:
                found.append(f"the {field} of {_describe(earlier)}")
                break
    return found
