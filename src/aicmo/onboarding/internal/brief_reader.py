"""Bytes → Brief: format detection, YAML/JSON loading and every validation error at once."""

from __future__ import annotations

import json
from typing import Any

import yaml
from pydantic import ValidationError

from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.onboarding.api.dtos import Brief, BriefLimits
from aicmo.onboarding.internal.brief_text import json_nesting, wide_encoding
from aicmo.onboarding.internal.problem_messages import problem_from_pydantic

LIMITS = BriefLimits()
EXAMPLE = "examples/briefs/northwind.yaml"


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark | None) -> None:
        self.mark = mark


class _AliasLoop(yaml.MarkedYAMLError):
    """An alias inside the very list or mapping it names: a structure without end."""


class _BriefLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so a bad date is a field error, not a crash,
    and stops at the first node nested deeper than LIMITS.max_nesting — aliases counted — before
    building it (PyYAML composes recursively: 1,000 `[` would exhaust the stack)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._heights: dict[int, int] = {}

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        self._depth += 1
        try:
            event = self.peek_event()
            if self._depth > LIMITS.max_nesting + 1:
                raise _TooDeep(event.start_mark)
            if isinstance(event, yaml.AliasEvent) and self._still_open(event.anchor):
                raise _AliasLoop(problem=f"the alias *{event.anchor} sits inside what it names — remove the loop", problem_mark=event.start_mark)
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        height = self._height(node)
        if self._depth + height > LIMITS.max_nesting:
            raise _TooDeep(node.start_mark)
        return node

    def _still_open(self, anchor: str) -> bool:
        node = self.anchors.get(anchor)
        return node is not None and not isinstance(node, yaml.ScalarNode) and id(node) not in self._heights

    def _height(self, node: yaml.Node) -> int:
        """Collections nested in `node`, itself included; an alias reuses the stored figure."""
        if isinstance(node, yaml.ScalarNode):
            return 0
        if id(node) not in self._heights:
            children = node.value if isinstance(node, yaml.SequenceNode) else [part for pair in node.value for part in pair]
            self._heights[id(node)] = 1 + max((self._heights.get(id(child), 0) for child in children), default=0)
        return self._heights[id(node)]


_BriefLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class BriefReader:
    """The BriefParser port: YAML or JSON bytes to a validated Brief."""

    def parse_brief(self, data: bytes, source: str) -> Brief:
        return read_brief(data, source)


def read_brief(data: bytes, source: str) -> Brief:
    document = _load(_decode(data, source), source)
    try:
        return Brief.model_validate(document)
    except ValidationError as error:
        problems = [problem_from_pydantic(item) for item in error.errors()]
        raise InvalidInput(f"{source}: the brief has {len(problems)} problem(s)", problems) from None


def _decode(data: bytes, source: str) -> str:
    if len(data) > LIMITS.max_bytes:
        raise InvalidInput(f"{source}: the brief is {len(data):,} bytes; the limit is 1 MiB — shorten it")
    encoding = wide_encoding(data)
    if encoding:
        raise InvalidInput(f"{source}: the file is {encoding} text — save it as UTF-8 and run again")
    if b"\x00" in data:
        raise InvalidInput(f"{source}: this is a binary file, not a brief — give a YAML or JSON file like {EXAMPLE}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{source}: the file is not UTF-8 text — save it as UTF-8 YAML or JSON") from None


def _load(text: str, source: str) -> Any:
    if not text.strip():
        raise InvalidInput(f"{source}: the file is empty — start from {EXAMPLE}")
    too_deep = f"{source}: lists and mappings are nested more than {LIMITS.max_nesting} levels deep"
    try:
        if source.lower().endswith(".json"):
            if json_nesting(text, give_up_above=LIMITS.max_nesting) > LIMITS.max_nesting:
                raise _TooDeep(None)
            document = json.loads(text)
        else:
            document = yaml.load(text, Loader=_BriefLoader)  # noqa: S506 - a SafeLoader subclass
    except _TooDeep as error:
        where = f" (line {error.mark.line + 1}, column {error.mark.column + 1})" if error.mark else ""
        raise InvalidInput(f"{too_deep}{where} — a brief needs four at most (offer → items → item); flatten it") from None
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
