"""Keeps a pack from repeating itself: what has been written so far, and whether a new item echoes it."""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz

from aicmo.production.api.dtos import PLANNING_FIELDS
from aicmo.production.internal.pack_plan import pack_plan
from aicmo.platform.templating import sentence_key, sentences


_NEVER_TWICE = ("hook", "headline", "subject", "primary_text")
"""Fields whose sentences a pack writes once."""


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _sentence_keys(value: str) -> list[str]:
    return [sentence_key(s) for s in sentences(value)]


def _sentences(fields: dict[str, str]) -> list[str]:
    return [
        key
        for name, value in fields.items()
        if name not in PLANNING_FIELDS and name != "hashtags"
        for key in _sentence_keys(value)
    ]


class WrittenSoFar:
    def __init__(self, exempt: list[str] = ()) -> None:
        self._by_field: dict[str, list[str]] = defaultdict(list)
        self._hooks: list[str] = []
        self._originals: dict[str, str] = {}
        self._sentences: Counter[str] = Counter()
        self._in_sequence: list[str] = []
        self._exempt = {sentence_key(text) for text in exempt}

    def echoes(self, fields: dict[str, str]) -> bool:
        """True when a field is too similar to the same field of an earlier item, or a sentence is used up."""
        rule = pack_plan().distinct
        if any(self._sentences[s] >= rule.max_sentence_uses for s in _sentences(fields) if s not in self._exempt):
            return True
        if _key(fields.get("hook", "")) in self._by_field["hook"]:
            return True
        for name in rule.fields:
            text = _key(fields.get(name, ""))
            if text and any(fuzz.ratio(text, earlier) > rule.max_similarity for earlier in self._by_field[name]):
                return True
        return False

    def avoid(self, *, in_sequence: bool = False) -> list[str]:
        """Sentences used up and those of every hook, headline, subject and ad text so far: not to be written again.

        An item read in sequence (an email) also avoids every sentence of the earlier ones: one reader reads them all.
        """
        used_up = [
            self._originals[s] for s, n in self._sentences.items() if n >= pack_plan().distinct.max_sentence_uses
        ]
        return [
            *used_up,
            *(s for text in self._hooks for s in sentences(text)),
            *(self._in_sequence if in_sequence else ()),
        ]

    def remember(self, fields: dict[str, str], *, in_sequence: bool = False) -> None:
        for name, value in fields.items():
            if name not in PLANNING_FIELDS:
                self._originals.update((sentence_key(s), s) for s in sentences(value))
                if in_sequence and name not in ("greeting", "signoff", "cta"):
                    self._in_sequence += sentences(value)
        self._hooks += [fields[name] for name in _NEVER_TWICE if fields.get(name)]
        self._sentences.update(s for s in _sentences(fields) if s not in self._exempt)
        for name in pack_plan().distinct.fields:
            if fields.get(name):
                self._by_field[name].append(_key(fields[name]))
