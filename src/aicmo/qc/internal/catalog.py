"""Loads and validates the rule catalog (rules.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from aicmo.qc.api.dtos import Severity


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    severity: Severity
    applies_to: list[str]
    message: str
    params: dict[str, Any] = {}
    languages: list[str] = []
    """The brief languages (voice.language, e.g. "en") the rule reads; empty = every language."""

    def applies(self, kind: str, language: str = "en") -> bool:
        in_language = not self.languages or language.split("-")[0] in self.languages
        return in_language and ("*" in self.applies_to or kind in self.applies_to)


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    penalties: dict[Severity, int]
    thresholds: dict[str, int]
    rules: list[RuleSpec]

    @model_validator(mode="after")
    def _unique_ids(self) -> Catalog:
        ids = [rule.id for rule in self.rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"rules.yaml: duplicate rule ids {', '.join(duplicates)}")
        return self


@cache
def catalog() -> Catalog:
    path = Path(__file__).with_name("rules.yaml")
    return Catalog.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
