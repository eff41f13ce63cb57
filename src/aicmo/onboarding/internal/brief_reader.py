"""Bytes → Brief: format detection, YAML/JSON loading and every validation error at once."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from pydantic import ValidationError

from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.onboarding.api.branding import BRIEF_FILES
from aicmo.onboarding.api.dtos import Brief, BriefLimits, ExampleBrief
from aicmo.onboarding.api.ports import BriefFiles
from aicmo.onboarding.internal.brief_text import json_nesting, wide_encoding
from aicmo.onboarding.internal.fact_typing import zone_of_places
from aicmo.onboarding.internal.problem_messages import EXAMPLE_BRIEF, problem_from_pydantic
from aicmo.platform.bounded_yaml import TooDeep, load_yaml

LIMITS = BriefLimits()


class BriefReader:
    """The BriefParser port: YAML or JSON bytes to a validated Brief."""

    def parse_brief(self, data: bytes, source: str, files: BriefFiles | None = None) -> Brief:
        return read_brief(data, source, files)

    def example_brief(self) -> ExampleBrief:
        """The repository's copy is a link to the package's, so both are always the same brief."""
        content = Path(__file__).with_name(PurePosixPath(EXAMPLE_BRIEF).name).read_bytes()
        return ExampleBrief(path=EXAMPLE_BRIEF, content=content)


def read_brief(data: bytes, source: str, files: BriefFiles | None = None) -> Brief:
    document = with_time_zone(_load(_decode(data, source), source))
    try:
        return Brief.model_validate(document, context={BRIEF_FILES: files})
    except ValidationError as error:
        problems = [problem_from_pydantic(item) for item in error.errors()]
        count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
        raise InvalidInput(f"{source}: the brief has {count}", problems) from None


def _decode(data: bytes, source: str) -> str:
    if len(data) > LIMITS.max_bytes:
        raise InvalidInput(f"{source}: the brief is {len(data):,} bytes; the limit is 1 MiB — shorten it")
    encoding = wide_encoding(data)
    if encoding:
        raise InvalidInput(f"{source}: the file is {encoding} text — save it as UTF-8 and run again")
    if b"\x00" in data:
        raise InvalidInput(
            f"{source}: this is a binary file, not a brief — give a YAML or JSON file like {EXAMPLE_BRIEF}"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{source}: the file is not UTF-8 text — save it as UTF-8 YAML or JSON") from None


def _load(text: str, source: str) -> Any:
    if not text.strip():
        raise InvalidInput(f"{source}: the file is empty — start from {EXAMPLE_BRIEF}")
    too_deep = f"{source}: lists and mappings are nested more than {LIMITS.max_nesting} levels deep"
    try:
        if source.lower().endswith(".json"):
            if json_nesting(text, give_up_above=LIMITS.max_nesting) > LIMITS.max_nesting:
                raise TooDeep(None)
            document = json.loads(text)
        else:
            document = load_yaml(text, LIMITS.max_nesting)
    except TooDeep as error:
        where = f" (line {error.mark.line + 1}, column {error.mark.column + 1})" if error.mark else ""
        raise InvalidInput(
            f"{too_deep}{where} — a brief needs four at most (offer → items → item); flatten it"
        ) from None
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        raise InvalidInput(f"{source}: not valid YAML/JSON ({_where(error)}) — fix the syntax there") from None
    if not isinstance(document, dict):
        raise InvalidInput(
            f"{source}: a brief is a mapping with keys brand, audience, goal, plan… — start from {EXAMPLE_BRIEF}",
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
