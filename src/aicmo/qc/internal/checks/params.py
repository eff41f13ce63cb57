"""What rule parameters share: a strict model and word lists compared in any case."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


class RuleParams(BaseModel):
    """A rule's parameters as rules.yaml must write them: no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Words = Annotated[frozenset[str], AfterValidator(lambda words: frozenset(word.casefold() for word in words))]
"""A word list, compared in any case."""
