"""A malformed declaration: every problem, each named by its key."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Problem(NamedTuple):
    field: str
    """The key in pyproject.toml (or the file) the problem is about."""
    message: str


def listed(problems: Iterable[Problem]) -> list[str]:
    return [f"  - {field}: {message}" for field, message in problems]


class InvalidDeclaration(Exception):
    """The project's declaration (or a command's input) is wrong; `problems` lists every fault found."""

    def __init__(self, summary: str, problems: Iterable[Problem] = ()) -> None:
        self.summary = summary
        self.problems = list(problems)
        super().__init__("\n".join([summary, *listed(self.problems)]))
