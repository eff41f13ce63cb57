"""Phrasing templates with optional slots: a template is used only when every slot it names has a value."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path

import inflect
import yaml


@lru_cache(maxsize=8192)
def slot_names(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def fillable(template: str, values: Mapping[str, object]) -> bool:
    return all(values.get(name) is not None for name in slot_names(template))


def usable(templates: Iterable[str], values: Mapping[str, object]) -> list[str]:
    """The templates that `values` can fill, in their order."""
    return [template for template in templates if fillable(template, values)]


def slug(text: str, fallback: str) -> str:
    """A lower-case ASCII name for files and tags, keeping accented letters readable ('São' → 'sao')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or fallback


@cache
def _inflect() -> inflect.engine:
    return inflect.engine()


def english_list(items: Iterable[str], conjunction: str = "and") -> str:
    """Items as English writes a list: "Berlin and London", "LinkedIn, Email and X"."""
    return str(_inflect().join(list(items), final_sep="", conj=conjunction))


@cache
def _proper_words() -> frozenset[str]:
    path = Path(__file__).with_name("proper_words.yaml")
    return frozenset(yaml.safe_load(path.read_text(encoding="utf-8"))["proper_words"])


def lower_first(text: str) -> str:
    """Lower-case the first letter to use a phrase mid-sentence, unless it starts with an acronym ('B2B', 'SaaS'),
    'I' or a word that keeps its capital ('Portuguese', 'Monday')."""
    text = text.strip().strip('"')
    first = text.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]) or first == "I" or first.casefold() in _proper_words():
        return text
    return text[:1].lower() + text[1:]


def sentence(text: str) -> str:
    """The text ending with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[“\"(A-Z0-9#—-])|\n+")


def sentences(text: str) -> list[str]:
    """The sentences and lines of `text`, the unit repeats are counted in."""
    return list(_sentences(text))


@lru_cache(maxsize=16384)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in _SENTENCE_END.split(text) if part and part.strip())


def word_count(text: str) -> int:
    return len(re.findall(r"[\w'’$€£%-]+", text))


_LINK = re.compile(r"https?://\S+")
_BULLET = re.compile(r"^(?:[-*•]\s+|\d{1,2}[.)]\s+|A:\s+)")


@lru_cache(maxsize=16384)
def sentence_key(sentence: str) -> str:
    """What makes two sentences the same one: case, spacing, bullets, an FAQ answer's "A: " and links aside."""
    text = _BULLET.sub("", _LINK.sub("", sentence.strip()))
    return " ".join(text.casefold().split()).rstrip(" :.!")
