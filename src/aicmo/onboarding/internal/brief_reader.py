"""Bytes → Brief: format detection, YAML/JSON loading and every validation error at once."""

from __future__ import annotations

import json
from typing import Any

import yaml
from pydantic import ValidationError

from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.onboarding.api.dtos import Brief
from aicmo.onboarding.internal.fact_typing import zone_of_places
from aicmo.onboarding.internal.problem_messages import problem_from_pydantic

MAX_BRIEF_BYTES = 1024 * 1024
EXAMPLE = "examples/briefs/northwind.yaml"


class _TextOnlyLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so a bad date is a field error, not a crash."""


_TextOnlyLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class BriefReader:
    """The BriefParser port: YAML or JSON bytes to a validated Brief."""

    def parse_brief(self, data: bytes, source: str) -> Brief:
        return read_brief(data, source)


def read_brief(data: bytes, source: str) -> Brief:
    document = with_time_zone(_load(_decode(data, source), source))
    try:
        return Brief.model_validate(document)
    except ValidationError as error:
        problems = [problem_from_pydantic(item) for item in error.errors()]
        raise InvalidInput(f"{source}: the brief has {len(problems)} problem(s)", problems) from None


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_BRIEF_BYTES:
        raise InvalidInput(f"{source}: the brief is {len(data):,} bytes; the limit is 1 MiB — shorten it")
    if b"\x00" in data:
        raise InvalidInput(f"{source}: this is a binary file, not a brief — give a YAML or JSON file like {EXAMPLE}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{source}: the file is not UTF-8 text — save it as UTF-8 YAML or JSON") from None


def _load(text: str, source: str) -> Any:
    if not text.strip():
        raise InvalidInput(f"{source}: the file is empty — start from {EXAMPLE}")
    try:
        if source.lower().endswith(".json"):
            document = json.loads(text)
        else:
            document = yaml.load(text, Loader=_TextOnlyLoader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        raise InvalidInput(f"{source}: not valid YAML/JSON ({_where(error)}) — fix the syntax there") from None
    if not isinstance(document, dict):
        raise InvalidInput(
            f"{source}: a brief is a mapping with keys brand, audience, goal, plan… — start from {EXAMPLE}",
            [Problem("(top level)", f"found {type(document).__name__}, expected a mapping")],
        )
    return document


def _where(error: Exception) -> str:
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        return f"line {mark.line + 1}, column {mark.column + 1}: {getattr(error, 'problem', '')}"
    if isinstance(error, json.JSONDecodeError):
        return f"line {error.lineno}, column {error.colno}: {error.msg}"
    return str(error).splitlines()[0]


def with_time_zone(document: dict) -> dict:
    """Without `plan.timezone`, the brand's locations settle it when they can; else UTC, said so."""
    plan, brand = document.get("plan"), document.get("brand")
    if not isinstance(plan, dict) or "timezone" in plan:
        return document
    places = brand.get("locations") if isinstance(brand, dict) else None
    zone = zone_of_places([str(p) for p in places]) if isinstance(places, list) else None
    found = {"timezone": zone, "timezone_from": "locations"} if zone else {"timezone_from": "default"}
    return {**document, "plan": {**plan, **found}}
