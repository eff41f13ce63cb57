"""Loads and validates the template writer's phrasing bank (template_bank.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from aicmo.creatives.internal.slots import SLOT_NAMES
from aicmo.platform.templating import slot_names


class SectionSpecData(BaseModel):
    """One kind of section: its fields with their templates, and where a disclaimer goes."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    disclaimer_field: str
    fields: dict[str, list[str]]
    platform_bodies: dict[str, list[str]] = {}
    supports: list[str] = []
    """Second sentences added to the body, on a rotation of their own, so bodies rarely repeat."""


class TemplateBank(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fallbacks: dict[str, str]
    limits: dict[str, int]
    hooks: list[str]
    ctas: list[str]
    sections: dict[str, SectionSpecData]

    @model_validator(mode="after")
    def _complete_and_known(self) -> TemplateBank:
        for kind, section in self.sections.items():
            empty = [name for name, templates in section.fields.items() if not templates]
            if empty:
                raise ValueError(f"template_bank.yaml: section {kind!r} has no templates for {', '.join(empty)}")
            if section.disclaimer_field not in section.fields:
                raise ValueError(f"template_bank.yaml: section {kind!r} puts its disclaimer in unknown field {section.disclaimer_field!r}")
        unknown = self.slot_names() - SLOT_NAMES
        if unknown:
            raise ValueError(f"template_bank.yaml uses unknown slots: {', '.join(sorted(unknown))}")
        return self

    def slot_names(self) -> set[str]:
        templates = [
            t for s in self.sections.values() for ts in [*s.fields.values(), *s.platform_bodies.values(), s.supports] for t in ts
        ]
        return {name for template in templates for name in slot_names(template)}


@cache
def template_bank() -> TemplateBank:
    path = Path(__file__).with_name("template_bank.yaml")
    return TemplateBank.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
