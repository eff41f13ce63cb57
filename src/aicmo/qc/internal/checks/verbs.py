"""A verb run straight into a bare verb, as pasting a brief's phrase after a verb makes it
("want move without pain", "gives office workers move without pain")."""

from __future__ import annotations

from pydantic import Field

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import RuleParams, Words
from aicmo.qc.internal.checks.prose import CLAUSE_BREAK, prose_sentences, words


class BareVerbParams(RuleParams):
    lead_verbs: Words
    """Verbs that take "to" and a verb, never a bare verb ("want to move", not "want move")."""
    object_verbs: Words
    """Verbs that take an object, then "to" and a verb ("gives office workers the freedom to move")."""
    bare_verbs: Words
    """Base forms that are hardly ever a noun or adjective right after those verbs."""
    also_verbs: Words
    """Base forms that are often nouns: a slip only when they open one of the brief's own phrases."""
    object_ends: Words
    """Words that end the object of an object verb ("to", "and", "that")."""
    max_object_words: int = Field(ge=1, le=6)


def _brief_verb_phrases(ctx: CheckContext, verbs: frozenset[str]) -> list[list[str]]:
    """The brief's phrases that open with a verb: a writer pasting one after a verb makes the slip."""
    brief = ctx.brief
    texts = [
        *brief.audience.desired_outcomes,
        *brief.audience.pain_points,
        *(i.usp for i in brief.offer.items if i.usp),
    ]
    phrases = []
    for text in texts:
        opening = [w.casefold() for w in words(text)[:3]]
        if len(opening) > 1 and opening[0] in verbs:
            phrases.append(opening)
    return phrases


def _bare_verb_at(clause: list[str], at: int, params: BareVerbParams, phrases: list[list[str]]) -> bool:
    if at >= len(clause):
        return False
    if clause[at] in params.bare_verbs:
        return True
    return any(clause[at : at + len(phrase)] == phrase for phrase in phrases)


def bare_verbs(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: BareVerbParams = ctx.params
    if "QC-BARE-VERB" not in ctx.memo:
        ctx.memo["QC-BARE-VERB"] = _brief_verb_phrases(ctx, params.bare_verbs | params.also_verbs)
    phrases = ctx.memo["QC-BARE-VERB"]
    verbs = params.lead_verbs | params.object_verbs
    found = []
    for sentence in prose_sentences(item):
        for part in CLAUSE_BREAK.split(sentence):
            clause = [w.casefold() for w in words(part)]
            if verbs.isdisjoint(clause):
                continue
            for start, word in enumerate(clause):
                ends = _bare_verb_ends(clause, start, word, params, phrases)
                if ends is not None:
                    found.append(repr(" ".join(words(part)[start : ends + 3])))
    return found


def _bare_verb_ends(
    clause: list[str], start: int, word: str, params: BareVerbParams, phrases: list[list[str]]
) -> int | None:
    """Where the bare verb after the verb at `start` is, if there is one."""
    if word in params.lead_verbs and _bare_verb_at(clause, start + 1, params, phrases):
        return start + 1
    if word in params.object_verbs:
        for at in range(start + 2, min(start + 2 + params.max_object_words, len(clause))):
            if clause[at - 1] in params.object_ends:
                return None
            if _bare_verb_at(clause, at, params, phrases):
                return at
    return None
