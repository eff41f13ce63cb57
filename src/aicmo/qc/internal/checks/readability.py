"""Flesch-Kincaid grade level, with syllables counted by pyphen's bundled English dictionary."""

from __future__ import annotations

import re
from functools import cache

import pyphen

_WORD = re.compile(r"[A-Za-zÀ-ÿ']+")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n{2,}")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    return len(_dictionary().positions(word.lower())) + 1


def flesch_kincaid_grade(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    total_syllables = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * total_syllables / len(words) - 15.59
