"""The writer port: one section of copy at a time."""

from __future__ import annotations

from typing import Protocol

from aicmo.creatives.api.dtos import BriefFacts, SectionSpec, WrittenSection


class Writer(Protocol):
    def write(self, spec: SectionSpec, facts: BriefFacts) -> WrittenSection:
        """Write one section from the brief's facts.

        Every field named by the section's kind is filled; no template token is left;
        no banned word appears; a required disclaimer is carried when `spec.needs_disclaimer`.

        Raises:
            ValueError: when `spec.kind` is not a section this writer knows.
        """
        ...
