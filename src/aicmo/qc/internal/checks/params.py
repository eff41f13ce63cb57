"""What rule parameters share: a strict model and word lists compared in any case."""

from __future__ import annotations

from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict

from aicmo.production.api import ContentKind

V = TypeVar("V")


class RuleParams(BaseModel):
    """A rule's parameters as rules.yaml must write them: no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Words = Annotated[frozenset[str], AfterValidator(lambda words: frozenset(word.casefold() for word in words))]
"""A word list, compared in any case."""


def _known_kinds(by_kind: dict[str, V]) -> dict[str, V]:
    unknown = sorted(set(by_kind) - {kind.value for kind in ContentKind})
    if unknown:
        raise ValueError(f"unknown content kinds {unknown}: use {', '.join(kind.value for kind in ContentKind)}")
    return by_kind


ByKind = Annotated[dict[str, V], AfterValidator(_known_kinds)]
"""Settings keyed by content kind (calendar_entry, email…), each kind checked to exist."""
