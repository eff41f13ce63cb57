"""A malformed declaration: every problem, each named by its key."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InvalidDeclaration(Exception):
    """The project's declaration (or a command's input) is wrong; `problems` lists every fault found."""

    def __init__(self, summary: str, problems: list[Problem] | None = None) -> None:
        self.summary = summary
        self.problems = list(problems or [])
        super().__init__("\n".join([summary, *(f"  - {problem}" for problem in self.problems)]))
