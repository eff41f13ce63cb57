"""A section's prompt, built from the prompt files (../prompts): the stable system text and
brand guide first, so providers cache them, then the task of this one item."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, StrictUndefined, Template
from pydantic import BaseModel, ConfigDict

from aicmo.creatives.api.dtos import BriefFacts, Fact, SectionSpec
from aicmo.creatives.internal.sections import section_schema

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"
_JINJA = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False, trim_blocks=False)


def _usable(facts: list[Fact], separator: str = "; ") -> str:
    """The facts a model may build on: one holding a banned word is left out."""
    return separator.join(fact.text for fact in facts if not fact.banned)


_JINJA.globals["usable"] = _usable


class _SystemFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    system: str
    brand: str


class _TaskFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    task: str


class _KindFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    name: str
    guidance: str
    disclaimer_field: str
    fields: dict[str, str]
    """What each field of the section holds, as the model is told."""


@cache
def _system() -> _SystemFile:
    return _SystemFile.model_validate(yaml.safe_load((PROMPTS / "system.yaml").read_text(encoding="utf-8")))


@cache
def _task() -> _TaskFile:
    return _TaskFile.model_validate(yaml.safe_load((PROMPTS / "task.yaml").read_text(encoding="utf-8")))


@cache
def _kind(kind: str) -> _KindFile:
    path = PROMPTS / "kinds" / f"{kind}.yaml"
    if not path.is_file():
        raise ValueError(f"no prompt file for section kind {kind!r}: add {path}")
    return _KindFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@cache
def _compiled(source: str) -> Template:
    """Compiling a prompt template costs far more than rendering it: once per process."""
    return _JINJA.from_string(source)


@dataclass(frozen=True)
class Prompt:
    """What a model is asked: system and brand guide (stable per client), the task, the schema."""

    kind: str
    system: str
    brand: str
    task: str
    schema: dict
    version: str

    @property
    def digest(self) -> str:
        text = json.dumps([self.system, self.brand, self.task, self.schema], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()


def build_prompt(spec: SectionSpec, facts: BriefFacts, *, errors: str = "") -> Prompt:
    """The prompt for one section; `errors` tells the model why its last answer was refused."""
    kind = _kind(spec.kind)
    system = _system()
    task = _task()
    return Prompt(
        kind=spec.kind,
        system=system.system.strip(),
        brand=_compiled(system.brand).render(f=facts).strip(),
        task=_compiled(task.task)
        .render(
            spec=spec,
            kind_name=kind.name,
            guidance=kind.guidance,
            fields=kind.fields,
            disclaimer_field=kind.disclaimer_field,
            disclaimers=" ".join(facts.disclaimers),
            errors=errors,
        )
        .strip(),
        schema=section_schema(spec.kind),
        version=f"system.v{system.version}+task.v{task.version}+{spec.kind}.v{kind.version}",
    )


def disclaimer_field(kind: str) -> str:
    """The field of a section of `kind` that carries the required disclaimers."""
    return _kind(kind).disclaimer_field
