"""Keeps a pack from repeating itself: what has been written so far, and whether a new item echoes it."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from aicmo.production.internal.pack_plan import pack_plan


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


class WrittenSoFar:
    def __init__(self) -> None:
        self._by_field: dict[str, list[str]] = defaultdict(list)

    def echoes(self, fields: dict[str, str]) -> bool:
        """True when a field is too similar to the same field of an earlier item."""
        rule = pack_plan().distinct
        for name in rule.fields:
            text = _key(fields.get(name, ""))
            if text and any(fuzz.ratio(text, earlier) > rule.max_similarity for earlier in self._by_field[name]):
                return True
        return False

    def has_hook(self, hook: str) -> bool:
        return _key(hook) in self._by_field["hook"]

    def remember(self, fields: dict[str, str]) -> None:
        for name in pack_plan().distinct.fields:
            if fields.get(name):
                self._by_field[name].append(_key(fields[name]))
