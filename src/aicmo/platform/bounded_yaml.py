"""YAML from users' files (briefs, outreach sequences): safe, dates left as text, and bounded in
depth, aliases counted, before anything is built."""

from __future__ import annotations

from typing import Any

import yaml


class TooDeep(Exception):
    """Lists and mappings nested past the limit; `mark` is where, when known."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        self.mark = mark


class _AliasLoop(yaml.MarkedYAMLError):
    """An alias inside the very list or mapping it names: a structure without end."""


class _BoundedLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so a bad date is a field error, not a crash,
    and stops at the first node nested deeper than the limit — aliases counted — before building
    it (PyYAML composes recursively: 1,000 `[` would exhaust the stack)."""

    def __init__(self, stream: str, max_nesting: int) -> None:
        super().__init__(stream)
        self._max_nesting = max_nesting
        self._depth = 0
        self._heights: dict[int, int] = {}

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        self._depth += 1
        try:
            event = self.peek_event()
            if self._depth > self._max_nesting + 1:
                raise TooDeep(event.start_mark)
            if isinstance(event, yaml.AliasEvent) and self._still_open(event.anchor):
                raise _AliasLoop(
                    problem=f"the alias *{event.anchor} sits inside what it names — remove the loop",
                    problem_mark=event.start_mark,
                )
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        height = self._height(node)
        if self._depth + height > self._max_nesting:
            raise TooDeep(node.start_mark)
        return node

    def _still_open(self, anchor: str) -> bool:
        node = self.anchors.get(anchor)
        return node is not None and not isinstance(node, yaml.ScalarNode) and id(node) not in self._heights

    def _height(self, node: yaml.Node) -> int:
        """Collections nested in `node`, itself included; an alias reuses the stored figure."""
        if isinstance(node, yaml.ScalarNode):
            return 0
        if id(node) not in self._heights:
            children = (
                node.value if isinstance(node, yaml.SequenceNode) else [part for pair in node.value for part in pair]
            )
            self._heights[id(node)] = 1 + max((self._heights.get(id(child), 0) for child in children), default=0)
        return self._heights[id(node)]


_BoundedLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, max_nesting: int) -> Any:
    """The document in `text`; TooDeep past `max_nesting`, yaml.YAMLError when malformed."""
    loader = _BoundedLoader(text, max_nesting)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
