"""Hashtags from the brief's topic, industry, audience and places — never its tone words."""

from __future__ import annotations

import re

from aicmo.creatives.api.dtos import BriefFacts
from aicmo.creatives.internal.slots import named_by_demographic, without_qualifiers

_STOP = re.compile(
    r",| (?:for|of|from|with|at|in|on|by|who|that|to|without|every|before|after|aged|within)\b | \w+ed\b", re.IGNORECASE
)


def _tag(phrase: str) -> str | None:
    words = re.findall(r"[^\W_]+", phrase)
    if not words or len(words) > 4:
        return None
    return "#" + "".join(w[:1].upper() + w[1:] for w in words)


def _topics(text: str) -> list[str]:
    """The noun phrases of a fact, cut before its first preposition and split at "and", without its qualifiers."""
    head = _STOP.split(without_qualifiers(text), maxsplit=1)[0]
    return [part.strip() for part in re.split(r"\band\b|&|/", head) if part.strip()]


_LEAST = 3
"""A post carries at least this many tags; a brief that yields fewer adds its topics' head nouns ("#Dentistry")."""


def hashtag_pool(facts: BriefFacts) -> list[str]:
    places = [place.text.split(",")[0] for place in facts.locations]
    industry = _topics(facts.industry.text)
    product = _topics(facts.product.text)
    phrases = [
        *industry,
        *product,
        *places,
        *[f"{place} {industry[-1].split()[-1]}" for place in places[:1] if industry],
        *[topic for topic in _topics(facts.audience_core.text) if not named_by_demographic(topic)],
    ]
    banned = [word.casefold().replace(" ", "") for word in facts.banned_words]
    pool = _unique_tags(phrases, banned)
    if len(pool) < _LEAST:
        pool = _unique_tags([*phrases, *(topic.split()[-1] for topic in [*product, *industry])], banned)
    return pool


def _unique_tags(phrases: list[str], banned: list[str]) -> list[str]:
    pool: list[str] = []
    for phrase in phrases:
        tag = _tag(phrase)
        if (
            tag
            and tag.casefold() not in {t.casefold() for t in pool}
            and not any(word in tag.casefold() for word in banned)
        ):
            pool.append(tag)
    return pool


def hashtags(facts: BriefFacts, count: int, index: int, *, short: bool = False) -> str:
    """`count` tags (at most what the brief yields): the industry first, the rest rotating by index;
    the shortest ones where room is tight."""
    pool = hashtag_pool(facts)
    if short:
        pool = sorted(pool, key=len)
    if count <= 0 or not pool:
        return ""
    rest = pool[1:]
    start = index % len(rest) if rest else 0
    return " ".join([pool[0], *(rest[start:] + rest[:start])][:count])
