"""A sentence that starts in lower case after another ends ("Most people ask this first.
customers close 4 days faster"): what a fact pasted mid-line looks like to a client."""

from __future__ import annotations

import re

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import RuleParams, Words
from aicmo.qc.internal.checks.prose import prose_fields, words

_NEXT_SENTENCE = re.compile(r"(\S*[.!?])[\"'”’)\]]*[ \t]+[\"“‘(]?([^\W\d_][\w'’-]*)")


class SentenceCaseParams(RuleParams):
    abbreviations: Words
    """Words with a full stop that end no sentence ("e.g.", "a.m.")."""


def _ends_a_sentence(ending: str, params: SentenceCaseParams) -> bool:
    """A word, then the stop: not a list number ("12."), an ellipsis ("...") or an abbreviation ("e.g.")."""
    word = ending.lstrip("([{\"'“‘")
    return any(ch.isalpha() for ch in word) and not word.endswith("..") and word.casefold() not in params.abbreviations


def lower_case_starts(item: ContentItem, ctx: CheckContext) -> list[str]:
    """A sentence after another on the same line whose first word is in lower case; names the brief writes so pass."""
    params: SentenceCaseParams = ctx.params
    brief = ctx.brief
    names = {
        w
        for text in [brief.brand.name, *(i.name for i in brief.offer.items), *brief.constraints.competitors]
        for w in words(text)
    }
    found = []
    for text in prose_fields(item).values():
        for match in _NEXT_SENTENCE.finditer(text):
            ending, word = match.group(1), match.group(2)
            if not _ends_a_sentence(ending, params) or not word.islower() or word in names:
                continue
            found.append(repr(f"{ending} {word}"))
    return found
