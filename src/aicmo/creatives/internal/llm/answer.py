"""A model's answer turned into a section's fields, or the reason it cannot be used."""

from __future__ import annotations

import json
import re

from pydantic import ValidationError

from aicmo.creatives.api.dtos import BriefFacts
from aicmo.creatives.internal.sections import section_model


class InvalidAnswer(Exception):
    """Why an answer cannot be used, worded for the model's second chance and the item's record."""


def section_fields_from(text: str, kind: str, facts: BriefFacts) -> dict[str, str]:
    """The fields of a valid answer: JSON for the section's schema, no banned word."""
    try:
        data = json.loads(_without_code_fence(text))
    except json.JSONDecodeError:
        raise InvalidAnswer("the answer is not JSON" if text.strip() else "the answer is empty") from None
    if not isinstance(data, dict):
        raise InvalidAnswer("the answer is not a JSON object")
    try:
        fields = section_model(kind).model_validate(data).as_fields()
    except ValidationError as error:
        raise InvalidAnswer(
            "; ".join(f"{'.'.join(map(str, e['loc'])) or 'answer'}: {e['msg']}" for e in error.errors())
        ) from None
    used = sorted({word for word in facts.banned_words for value in fields.values() if _contains(value, word)})
    if used:
        raise InvalidAnswer(f"uses banned words: {', '.join(used)}")
    return {name: value.strip() for name, value in fields.items()}


def _without_code_fence(text: str) -> str:
    fenced = re.fullmatch(r"\s*```(?:json)?\s*(.*?)\s*```\s*", text, re.DOTALL)
    return fenced.group(1) if fenced else text


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?i)\b{re.escape(phrase)}\b", text) is not None
