"""Subject-verb agreement where a brief's plural phrase is the subject: "Clean audit trails
without overtime is closer than you think" is the slip a frame written for one thing makes."""

from __future__ import annotations

import re
from functools import lru_cache

import inflect

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import RuleParams, Words
from aicmo.qc.internal.checks.prose import prose_sentences, words

_ENGINE = inflect.engine()


class AgreementParams(RuleParams):
    head_ends: Words
    """Words after a phrase's head noun ("trails *without* overtime"): the head is the word before the first."""
    singular_verbs: Words
    """Verb forms that need a singular subject ("is", "has", "does")."""
    not_plural: Words
    """Nouns that end in -s yet are no plural ("news", "analytics")."""
    object_after: Words
    """Words that make the phrase after them an object, not the subject ("the cost *of* …"), as a
    word in -ing does ("*choosing* …")."""


@lru_cache(maxsize=4096)
def _plural(word: str) -> bool:
    return bool(_ENGINE.singular_noun(word))


def _plural_phrases(ctx: CheckContext, params: AgreementParams) -> list[str]:
    """The brief's noun phrases whose head noun is plural, as copy would set them mid-sentence."""
    brief = ctx.brief
    texts = [*brief.audience.desired_outcomes, *brief.audience.pain_points, brief.brand.product, *brief.offer.proof]
    phrases = []
    for text in texts:
        said = [w.casefold() for w in words(text)]
        cut = next((i for i, w in enumerate(said) if i > 0 and w in params.head_ends), len(said))
        head = said[cut - 1] if cut else ""
        if head and head not in params.not_plural and _plural(head) and not set(said) & params.singular_verbs:
            phrases.append(" ".join(words(text)))
    return phrases


def disagreeing_verbs(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: AgreementParams = ctx.params
    if "QC-AGREEMENT" not in ctx.memo:
        phrases = _plural_phrases(ctx, params)
        verbs = "|".join(sorted(map(re.escape, params.singular_verbs)))
        ctx.memo["QC-AGREEMENT"] = [re.compile(rf"(?i)\b{re.escape(p)}\s+({verbs})\b") for p in phrases]
    found = []
    for sentence in prose_sentences(item):
        for pattern in ctx.memo["QC-AGREEMENT"]:
            match = pattern.search(sentence)
            if match and not _an_object(sentence[: match.start()], params):
                found.append(f"'{match.group(0)}' (a plural subject takes a plural verb)")
    return found


def _an_object(before: str, params: AgreementParams) -> bool:
    """True when the word just before the phrase (no comma between) makes it the object of a preposition or a gerund."""
    said = words(before)
    last = said[-1].casefold() if said and before.rstrip().endswith(said[-1]) else ""
    return last in params.object_after or (len(last) > 4 and last.endswith("ing"))
