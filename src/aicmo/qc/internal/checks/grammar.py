"""Grammar slips that slot filling makes and a client notices: the wrong article, a verb
followed by a bare verb, a phrase said twice in one sentence."""

from __future__ import annotations

import re
from functools import lru_cache

import inflect
from pydantic import Field

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import RuleParams, Words
from aicmo.qc.internal.checks.prose import prose_fields, sentences, words

_ENGINE = inflect.engine()
_ARTICLE = re.compile(r"(?<![\w'’&/.-])(a|an|A|An)\s+[\"“‘'(]?(\S+)")
_NUMBER = re.compile(r"\d[\d,]*")
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[—–-]\s|[—–()\"“”]|[.!?…](?=\s|$)")
_LETTERS_SAID_WITH_A_VOWEL = frozenset("AEFHILMNORSX")
"""A letter read out on its own ("an SEO audit") starts with a vowel sound."""


class ArticleParams(RuleParams):
    either: Words
    """Words that take either article ("a historic", "an historic")."""
    not_articles: Words
    """Words after which "a" is a letter, not an article ("plan a or b")."""


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


class RepeatedPhraseParams(RuleParams):
    skip_words: Words
    """Words left out when comparing clauses ("without guesswork" = "without the guesswork")."""
    function_words: Words
    """Words that repeat freely; a repeated phrase must hold another word."""
    min_run: int = Field(ge=2)
    """The shortest run of words that is a slip when said twice in a row."""


def _sentences_of(item: ContentItem) -> list[str]:
    return [sentence for text in prose_fields(item).values() for sentence in sentences(text)]


@lru_cache(maxsize=4096)
def _article_for(word: str) -> str:
    return _ENGINE.a(word).split(" ", 1)[0].lower()


def _fitting_articles(token: str, either: frozenset[str]) -> set[str] | None:
    """The articles that may stand before `token`; None when it is no word to judge (a symbol, an emoji)."""
    number = _NUMBER.match(token)
    if number:
        said = _ENGINE.number_to_words(int(number.group(0).replace(",", "")))
        return {_article_for(str(said).split()[0])}
    spelled = words(token)
    if not spelled or not token[:1].isalpha():
        return None
    word = spelled[0].split("-")[0]
    if word.casefold() in either:
        return {"a", "an"}
    if len(word) > 1 and word.isupper():
        letters = "an" if word[0] in _LETTERS_SAID_WITH_A_VOWEL else "a"
        return {letters, _article_for(word.lower())}
    return {_article_for(word)}


def _opens_sentence(sentence: str, position: int) -> bool:
    """Whether a capital "A" at `position` starts a sentence, a quote or a line after a colon (else it is a name: "Plan A")."""
    before = sentence[:position].rstrip()
    return not any(ch.isalnum() for ch in before) or before.endswith((":", '"', "“", "‘", "(", "—", "–"))


def wrong_articles(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: ArticleParams = ctx.params
    found = []
    for sentence in _sentences_of(item):
        for match in _ARTICLE.finditer(sentence):
            article, token = match.group(1), match.group(2)
            if article[0].isupper() and not _opens_sentence(sentence, match.start()):
                continue
            if words(token)[:1] and words(token)[0].casefold() in params.not_articles:
                continue
            fitting = _fitting_articles(token, params.either)
            if fitting and article.lower() not in fitting:
                word = token.rstrip(".,;:!?\"'”’)")
                right = "an" if article.lower() == "a" else "a"
                found.append(f"'{article} {word}' (write '{right if article.islower() else right.capitalize()} {word}')")
    return found


def _brief_verb_phrases(ctx: CheckContext, verbs: frozenset[str]) -> list[list[str]]:
    """The brief's phrases that open with a verb: a writer pasting one after a verb makes the slip."""
    brief = ctx.brief
    texts = [*brief.audience.desired_outcomes, *brief.audience.pain_points, *(i.usp for i in brief.offer.items if i.usp)]
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
    for sentence in _sentences_of(item):
        for part in _CLAUSE_BREAK.split(sentence):
            clause = [w.casefold() for w in words(part)]
            if verbs.isdisjoint(clause):
                continue
            for start, word in enumerate(clause):
                ends = _bare_verb_ends(clause, start, word, params, phrases)
                if ends is not None:
                    found.append(repr(" ".join(words(part)[start : ends + 3])))
    return found


def _bare_verb_ends(clause: list[str], start: int, word: str, params: BareVerbParams, phrases: list[list[str]]) -> int | None:
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


def _clauses(sentence: str, skip: frozenset[str]) -> list[tuple[str, ...]]:
    parts = ([w.casefold() for w in words(part)] for part in _CLAUSE_BREAK.split(sentence))
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
    """The later clause is the first one again, or the first one's end again ("… without guesswork, without the guesswork")."""
    return len(later) <= len(first) and first[-len(later) :] == later


def repeated_phrases(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: RepeatedPhraseParams = ctx.params
    found = []
    for sentence in _sentences_of(item):
        repeated = _repeated_phrase(sentence, params)
        if repeated:
            found.append(f"'{' '.join(repeated)}' in {sentence!r}")
    return found


@lru_cache(maxsize=16384)
def _repeated_phrase(sentence: str, params: RepeatedPhraseParams) -> tuple[str, ...] | None:
    """A clause that repeats an earlier clause of its sentence, or its end; or a run of words said twice in a row in a clause.

    Parallel clauses ("one bag at a time, one origin at a time") are good copy and pass."""
    clauses = _clauses(sentence, params.skip_words)
    meaningful = [c for c in clauses if len(c) >= 2 and not params.function_words.issuperset(c)]
    echo = next((later for i, first in enumerate(meaningful) for later in meaningful[i + 1 :] if _echoes(first, later)), None)
    return echo or next((run for clause in clauses if (run := _run_said_twice_in_a_row(clause, params))), None)
