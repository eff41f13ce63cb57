"""Rules about what the copy says: tokens, banned words, claims, names, personal data."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext, contains_phrase

_TOKEN = re.compile(r"\{\{?\s*[\w.]+\s*\}?\}|\[(?:insert|your|brand|name|todo|tbd)[^\]]*\]|\bTODO\b|\bTBD\b|\blorem ipsum\b", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_HANDLES = re.compile(r"[#@]\w+|https?://\S+")
_PHONE = re.compile(r"(?<![\w$€£])\+?\d[\d ().-]{8,}\d(?![\w%])")


def placeholders(item: ContentItem, _ctx: CheckContext) -> list[str]:
    return [repr(m.group(0)) for m in _TOKEN.finditer(item.text)]


def banned_words(item: ContentItem, ctx: CheckContext) -> list[str]:
    return [repr(w) for w in ctx.brief.voice.banned_words if contains_phrase(item.text, w)]


def disclaimers(item: ContentItem, ctx: CheckContext) -> list[str]:
    return [repr(d) for d in ctx.brief.voice.required_disclaimers if d not in item.text]


def cliches(item: ContentItem, ctx: CheckContext) -> list[str]:
    return [repr(p) for p in ctx.params["phrases"] if contains_phrase(item.published_text, p)]


def unsupported_claims(item: ContentItem, ctx: CheckContext) -> list[str]:
    proof = " ".join(ctx.brief.offer.proof)
    return [repr(p) for p in ctx.params["phrases"] if contains_phrase(item.published_text, p) and not contains_phrase(proof, p)]


def competitors(item: ContentItem, ctx: CheckContext) -> list[str]:
    return [repr(name) for name in ctx.brief.constraints.competitors if contains_phrase(item.published_text, name)]


def personal_data(item: ContentItem, _ctx: CheckContext) -> list[str]:
    found = [f"email address {m.group(0)}" for m in _EMAIL.finditer(item.published_text)]
    without_links = _HANDLES.sub(" ", item.published_text)
    return found + [f"phone number {m.group(0).strip()}" for m in _PHONE.finditer(without_links)]


def _looks_like_a_misspelling(candidate: str, brand: str, similarity: int) -> bool:
    """A capitalised name whose every word nearly matches the brand's word in its place."""
    if candidate.casefold() == brand.casefold() or not candidate[:1].isupper():
        return False
    pairs = zip(candidate.casefold().split(), brand.casefold().split(), strict=True)
    return all(fuzz.ratio(word, brand_word) >= similarity for word, brand_word in pairs)


def brand_spelling(item: ContentItem, ctx: CheckContext) -> list[str]:
    """Word runs as long as the brand name that nearly, but not exactly, match it."""
    brand = ctx.brief.brand.name
    size = len(brand.split())
    words = re.findall(r"[\w'&.-]+", _HANDLES.sub(" ", item.published_text))
    found = []
    for start in range(len(words) - size + 1):
        candidate = " ".join(words[start : start + size]).strip(".")
        if _looks_like_a_misspelling(candidate, brand, ctx.params["similarity"]):
            found.append(repr(candidate))
    return sorted(set(found))
