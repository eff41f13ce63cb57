"""Rules across the pack: an item must not nearly repeat an earlier one, nor a sentence be
said again and again."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pydantic import Field
from rapidfuzz import fuzz

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.completeness import is_formula
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import RuleParams
from aicmo.qc.internal.checks.prose import prose_fields, sentence_key, sentences


class RepeatedSentenceParams(RuleParams):
    most_in_pack: int = Field(ge=1)
    """How many times one sentence may appear in a pack."""
    skip_fields: dict[str, list[str]]
    """By kind, fields that hold no sentences (an ad's button label)."""
    formulas: list[re.Pattern[str]]
    """Lines every email may share: greetings, sign-offs."""


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


def _sentences(item: ContentItem, params: RepeatedSentenceParams, disclaimers: frozenset[str]) -> list[str]:
    texts = prose_fields(item, params.skip_fields.get(item.kind.value, ())).values()
    return [s for text in texts for s in _counted(text, tuple(params.formulas), disclaimers)]


@lru_cache(maxsize=16384)
def _counted(text: str, formulas: tuple[re.Pattern[str], ...], disclaimers: frozenset[str]) -> tuple[str, ...]:
    """The sentences of a text that count: not a disclaimer, greeting or sign-off."""
    return tuple(s for s in sentences(text) if sentence_key(s) not in disclaimers and not is_formula(s, list(formulas)))


def repeated_sentences(item: ContentItem, ctx: CheckContext) -> list[str]:
    """A sentence said twice in this item, or said here once more than the pack allows (flagged from its extra use on)."""
    params: RepeatedSentenceParams = ctx.params
    disclaimers = frozenset(sentence_key(s) for d in ctx.brief.voice.required_disclaimers for s in sentences(d))
    said = _sentences(item, params, disclaimers)
    here = Counter(sentence_key(s) for s in said)
    if not here:
        return []
    before: dict[str, list[ContentItem]] = {}
    for earlier in ctx.earlier:
        for sentence in _sentences(earlier, params, disclaimers):
            key = sentence_key(sentence)
            if key in here:
                before.setdefault(key, []).append(earlier)
    shown = {sentence_key(s): s for s in said}
    found = []
    for key, count in here.items():
        if count > 1:
            found.append(f"{shown[key]!r} is said {count} times in this item")
        elif len(before.get(key, ())) + count > params.most_in_pack:
            places = list(dict.fromkeys(_describe(e) for e in before[key]))
            where = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
            found.append(f"{shown[key]!r} is said {len(before[key]) + count} times in the pack (also in {where})")
    return found
