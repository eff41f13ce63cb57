"""Article agreement: "an" before a vowel sound, "a" before a consonant sound ("a expert"
is the slip a client notices), read by sound through inflect; an acronym may be read as
letters or as a word ("an SEO audit", "a URL"), so either reading passes."""

from __future__ import annotations

import re
from functools import lru_cache

import inflect

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import RuleParams, Words
from aicmo.qc.internal.checks.prose import prose_sentences, words

_ENGINE = inflect.engine()
_ARTICLE = re.compile(r"(?<![\w'’&/.-])(a|an|A|An)\s+[\"“‘'(]?(\S+)")
_NUMBER = re.compile(r"\d[\d,]*")
_LETTERS_SAID_WITH_A_VOWEL = frozenset("AEFHILMNORSX")
"""A letter read out on its own ("an SEO audit") starts with a vowel sound."""


class ArticleParams(RuleParams):
    either: Words
    """Words that take either article ("a historic", "an historic")."""
    not_articles: Words
    """Words after which "a" is a letter, not an article ("plan a or b")."""


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
    """Whether a capital "A" at `position` starts a sentence, a quote or a line after a colon
    (else it is a name: "Plan A")."""
    before = sentence[:position].rstrip()
    return not any(ch.isalnum() for ch in before) or before.endswith((":", '"', "“", "‘", "(", "—", "–"))


def wrong_articles(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: ArticleParams = ctx.params
    found = []
    for sentence in prose_sentences(item):
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
                found.append(
                    f"'{article} {word}' (write '{right if article.islower() else right.capitalize()} {word}')"
                )
    return found
