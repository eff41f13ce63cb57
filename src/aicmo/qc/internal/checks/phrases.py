"""A phrase said twice in one sentence ("… without guesswork, without the guesswork")."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import RuleParams, Words
from aicmo.qc.internal.checks.prose import CLAUSE_BREAK, prose_sentences, words


class RepeatedPhraseParams(RuleParams):
    skip_words: Words
    """Words left out when comparing clauses ("without guesswork" = "without the guesswork")."""
    function_words: Words
    """Words that repeat freely; a repeated phrase must hold another word."""
    min_run: int = Field(ge=2)
    """The shortest run of words that is a slip when said twice in a row."""


def _clauses(sentence: str, skip: frozenset[str]) -> list[tuple[str, ...]]:
    parts = ([w.casefold() for w in words(part)] for part in CLAUSE_BREAK.split(sentence))
    return [tuple(w for w in part if w not in skip) for part in parts if part]


def _run_said_twice_in_a_row(tokens: tuple[str, ...], params: RepeatedPhraseParams) -> tuple[str, ...] | None:
    """A run of words followed at once by itself ("without guesswork without guesswork")."""
    for size in range(params.min_run, len(tokens) // 2 + 1):
        for start in range(len(tokens) - 2 * size + 1):
            run = tokens[start : start + size]
            if run == tokens[start + size : start + 2 * size] and not params.function_words.issuperset(run):
                return run
    return None


def _echoes(first: tuple[str, ...], later: tuple[str, ...]) -> bool:
    """The later clause is the first one again, or the first one's end again ("… without
    guesswork, without the guesswork")."""
    return len(later) <= len(first) and first[-len(later) :] == later


def repeated_phrases(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: RepeatedPhraseParams = ctx.params
    found = []
    for sentence in prose_sentences(item):
        repeated = _repeated_phrase(sentence, params)
        if repeated:
            found.append(f"'{' '.join(repeated)}' in {sentence!r}")
    return found


@lru_cache(maxsize=16384)
def _repeated_phrase(sentence: str, params: RepeatedPhraseParams) -> tuple[str, ...] | None:
    """A clause that repeats an earlier clause of its sentence, or its end; or a run of words said
    twice in a row in a clause.

    Parallel clauses ("one bag at a time, one origin at a time") are good copy and pass."""
    clauses = _clauses(sentence, params.skip_words)
    meaningful = [c for c in clauses if len(c) >= 2 and not params.function_words.issuperset(c)]
    echo = next(
        (later for i, first in enumerate(meaningful) for later in meaningful[i + 1 :] if _echoes(first, later)), None
    )
    return echo or next((run for clause in clauses if (run := _run_said_twice_in_a_row(clause, params))), None)
