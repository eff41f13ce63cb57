"""How QC reads copy as a client does: the published fields as sentences and words, with
links and hashtags set aside (rules of their own check those)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from aicmo.production.api import ContentItem

LINK = re.compile(r"https?://[^\s)>\]]+|www\.[^\s)>\]]+", re.I)
HASHTAG = re.compile(r"(?<![\w#])#[^\W_]\w*")
CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[—–-]\s|[—–()\"“”]|[.!?…](?=\s|$)")
"""What ends a clause inside a sentence: a comma, a dash, a bracket, a quote."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*[ \t]+|[ \t]*\n\s*")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_PUBLISHED: dict[str, bool] = {}


def _is_published(item: ContentItem, name: str) -> bool:
    """Whether the audience reads a field of this name (it is not a planning note), as production defines it."""
    if name not in _PUBLISHED:
        _PUBLISHED[name] = item.model_copy(update={"fields": {name: "x"}}).published_text == "x"
    return _PUBLISHED[name]


def prose_fields(item: ContentItem, skip: Iterable[str] = ()) -> dict[str, str]:
    """The published fields but `skip`, each with its links and hashtags taken out."""
    skipped = set(skip)
    return {
        name: _prose(value)
        for name, value in item.fields.items()
        if value and name not in skipped and _is_published(item, name)
    }


@lru_cache(maxsize=16384)
def _prose(text: str) -> str:
    return HASHTAG.sub(" ", LINK.sub(" ", text))


def prose_sentences(item: ContentItem) -> list[str]:
    """Every sentence of the item's published copy."""
    return [sentence for text in prose_fields(item).values() for sentence in sentences(text)]


@lru_cache(maxsize=16384)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a text; a line break also ends one (bullets, greetings, sign-offs)."""
    parts = (part.strip() for part in _SENTENCE_BREAK.split(text))
    return tuple(part for part in parts if _WORD.search(part))


def words(text: str) -> list[str]:
    """Words, keeping inner apostrophes and hyphens ("can't", "3-month")."""
    return _WORD.findall(text)


_FAQ_MARK = re.compile(r"^\s*A:\s+")


@lru_cache(maxsize=16384)
def sentence_key(sentence: str) -> str:
    """What makes two sentences the same to a reader: their words, in order, any case.

    An FAQ answer's "A:" is set aside; a question ("Q:") heads its answer and may quote the brief's doubt again.
    """
    return " ".join(words(_FAQ_MARK.sub("", sentence))).casefold()
