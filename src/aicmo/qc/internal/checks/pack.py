"""Rules across the pack: an item must not nearly repeat an earlier one, nor a sentence be
said again and again."""

from __future__ import annotations

import re
from collections import Counter

from pydantic import Field
from rapidfuzz import fuzz

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.completeness import is_formula
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import ByKind, RuleParams
from aicmo.qc.internal.checks.prose import prose_fields, sentence_key, sentences


class RepeatedSentenceParams(RuleParams):
    most_in_pack: int = Field(ge=1)
    """How many times one sentence may appear in a pack."""
    skip_fields: ByKind[list[str]]
    """By kind, fields that hold no sentences (an ad's button label)."""
    formulas: list[re.Pattern[str]]
    """Lines every email may share: greetings, sign-offs."""


def near_duplicate(item: ContentItem, ctx: CheckContext) -> list[str]:
    """Fields such as the hook or body that are at least the configured % similar to the same field
    earlier in the pack."""
    found = []
    for field, threshold in ctx.params["fields"].items():
        text = item.fields.get(field, "").casefold()
        if not text:
            continue
        for earlier in ctx.earlier:
            other = earlier.fields.get(field, "").casefold()
            if other and fuzz.ratio(text, other) >= threshold:
                found.append(f"the {field} of {ctx.labels[earlier.item_id]}")
                break
    return found


def _sentences(item: ContentItem, ctx: CheckContext) -> list[tuple[str, str]]:
    """(key, sentence) for each sentence of the item that counts: not a disclaimer, greeting or
    sign-off; read once per pack."""
    memo_key = ("QC-REPEATED-SENTENCE", item.item_id)
    if memo_key not in ctx.memo:
        params: RepeatedSentenceParams = ctx.params
        disclaimers = {sentence_key(s) for d in ctx.brief.voice.required_disclaimers for s in sentences(d)}
        texts = prose_fields(item, params.skip_fields.get(item.kind.value, ())).values()
        said = [(sentence_key(s), s) for text in texts for s in sentences(text)]
        ctx.memo[memo_key] = [
            (key, s) for key, s in said if key not in disclaimers and not is_formula(s, params.formulas)
        ]
    return ctx.memo[memo_key]


def repeated_sentences(item: ContentItem, ctx: CheckContext) -> list[str]:
    """A sentence said twice in this item, or said here once more than the pack allows (flagged
    from its extra use on)."""
    params: RepeatedSentenceParams = ctx.params
    said = _sentences(item, ctx)
    here = Counter(key for key, _ in said)
    before: dict[str, list[ContentItem]] = {}
    for earlier in ctx.earlier:
        for key, _ in _sentences(earlier, ctx):
            if key in here:
                before.setdefault(key, []).append(earlier)
    shown = dict(said)
    found = []
    for key, count in here.items():
        if count > 1:
            found.append(f"{shown[key]!r} is said {count} times in this item")
        elif len(before.get(key, ())) + count > params.most_in_pack:
            places = list(dict.fromkeys(ctx.labels[e.item_id] for e in before[key]))
            where = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
            found.append(f"{shown[key]!r} is said {len(before[key]) + count} times in the pack (also in {where})")
    return found
