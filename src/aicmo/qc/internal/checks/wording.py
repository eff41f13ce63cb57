"""Rules about what the copy says: tokens, banned words, claims, names, personal data."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext, contains_phrase

_TOKEN = re.compile(
    r"\{\{?\s*[\w.]+\s*\}?\}|\[(?:insert|your|brand|name|todo|tbd)[^\]]*\]|\bTODO\b|\bTBD\b|\blorem ipsum\b", re.I
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_HANDLES = re.compile(r"[#@]\w+|https?://\S+")
_PHONE = re.compile(r"(?<![\w$€£])\+?\d[\d ().-]{8,}\d(?![\w%])")
_EDGES = ".,;:!?\"'“”‘’()[]«»"
_POSSESSIVE = re.compile(r"['’]s?$")
_INVISIBLE = dict.fromkeys(map(ord, "\ufe0e\ufe0f\u200b"))
"""Variation selectors and zero-width spaces: they change no letter a reader sees."""


def placeholders(item: ContentItem, _ctx: CheckContext) -> list[str]:
    return [repr(m.group(0)) for m in _TOKEN.finditer(item.text)]


def banned_words(item: ContentItem, ctx: CheckContext) -> list[str]:
    return [repr(w) for w in ctx.brief.voice.banned_words if contains_phrase(item.text, w)]


def _spaced(text: str) -> str:
    return " ".join(text.split())


def disclaimers(item: ContentItem, ctx: CheckContext) -> list[str]:
    """Each required disclaimer, word for word, in what the audience reads."""
    published = _spaced(item.published_text)
    return [repr(d) for d in ctx.brief.voice.required_disclaimers if _spaced(d) not in published]


def cliches(item: ContentItem, ctx: CheckContext) -> list[str]:
    return [repr(p) for p in ctx.params["phrases"] if contains_phrase(item.published_text, p)]


def unsupported_claims(item: ContentItem, ctx: CheckContext) -> list[str]:
    proof = " ".join(ctx.brief.offer.proof)
    return [
        repr(p)
        for p in ctx.params["phrases"]
        if contains_phrase(item.published_text, p) and not contains_phrase(proof, p)
    ]


def competitors(item: ContentItem, ctx: CheckContext) -> list[str]:
    return [repr(name) for name in ctx.brief.constraints.competitors if contains_phrase(item.published_text, name)]


def personal_data(item: ContentItem, _ctx: CheckContext) -> list[str]:
    found = [f"email address {m.group(0)}" for m in _EMAIL.finditer(item.published_text)]
    without_links = _HANDLES.sub(" ", item.published_text)
    return found + [f"phone number {m.group(0).strip()}" for m in _PHONE.finditer(without_links)]


def _as_read(text: str) -> str:
    """The text as a reader sees it: composed accents, no invisible marks."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def _name_words(text: str) -> list[str]:
    """Words split on spaces only, so an emoji or accent stays part of its word; edge punctuation
    and a possessive go."""
    return [_POSSESSIVE.sub("", word.strip(_EDGES)) or word for word in text.split()]


def brand_spelling(item: ContentItem, ctx: CheckContext) -> list[str]:
    """Capitalised runs of words as long as the brand name, not the brand, whose every word nearly
    matches the brand's word in its place."""
    brand = [word.casefold() for word in _name_words(_as_read(ctx.brief.brand.name))]
    size, similarity = len(brand), ctx.params["similarity"]
    words = _name_words(_as_read(_HANDLES.sub(" ", item.published_text)))
    folded = [word.casefold() for word in words]
    found = set()
    for start in range(len(words) - size + 1):
        candidate = folded[start : start + size]
        if candidate == brand or not words[start][:1].isupper():
            continue
        if all(fuzz.ratio(word, brand_word) >= similarity for word, brand_word in zip(candidate, brand, strict=True)):
            found.add(repr(" ".join(words[start : start + size])))
    return sorted(found)
