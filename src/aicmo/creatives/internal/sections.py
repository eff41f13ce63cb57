"""The section kinds a model writes (sections.yaml), as pydantic models and their JSON Schemas."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, create_model


class FieldSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    what: str
    max: int | None = None


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


@cache
def section_fields() -> dict[str, dict[str, FieldSpec]]:
    raw = yaml.safe_load(Path(__file__).with_name("sections.yaml").read_text(encoding="utf-8"))
    return {kind: {name: FieldSpec.model_validate(spec) for name, spec in fields.items()} for kind, fields in raw.items()}


@cache
def section_model(kind: str) -> type[BaseModel]:
    """The model a section of `kind` must validate against: every field non-empty, within its limit."""
    fields = section_fields().get(kind)
    if fields is None:
        raise ValueError(f"no section kind {kind!r}: use one of {', '.join(section_fields())}")
    definitions = {
        name: (str, Field(min_length=1, max_length=spec.max, description=spec.what)) for name, spec in fields.items()
    }
    return create_model(f"{kind.title().replace('_', '')}Section", __base__=_Section, **definitions)


def section_schema(kind: str) -> dict:
    return section_model(kind).model_json_schema()
