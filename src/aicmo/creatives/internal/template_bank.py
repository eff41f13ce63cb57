"""Loads and validates the template writer's phrasing bank (template_bank.yaml)."""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

SECTION_FIELDS = {
    "social_post": ("hook", "body", "cta"),
    "calendar_entry": ("pillar", "hook", "body", "cta"),
    "email": ("subject", "preview", "body", "cta"),
    "ad": ("headline", "primary_text", "cta"),
    "landing_page": ("hero", "subhead", "benefits", "proof", "faq", "cta"),
    "blog_outline": ("title", "outline"),
}


class TemplateBank(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fallbacks: dict[str, str]
    sections: dict[str, dict[str, list[str]]]

    @model_validator(mode="after")
    def _complete(self) -> TemplateBank:
        for kind, fields in SECTION_FIELDS.items():
            templates = self.sections.get(kind, {})
            missing = [f for f in fields if not templates.get(f)]
            if missing:
                raise ValueError(f"template_bank.yaml: section {kind!r} lacks templates for {', '.join(missing)}")
        return self

    def slot_names(self) -> set[str]:
        names = set()
        for fields in self.sections.values():
            for templates in fields.values():
                for template in templates:
                    names.update(name for _, name, _, _ in string.Formatter().parse(template) if name)
        return names


@cache
def template_bank() -> TemplateBank:
    path = Path(__file__).with_name("template_bank.yaml")
    return TemplateBank.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
