"""The writer port: one section of copy at a time."""

from __future__ import annotations

from typing import Protocol

import datetime as dt

from aicmo.creatives.api.dtos import BriefFacts, CostLine, ModelCall, SectionSpec, WrittenSection


class Writer(Protocol):
    @property
    def writes_in_sequence(self) -> bool:
        """True when each section should see the ones written before it (its `avoid` steers it).

        The template writer: a section costs nothing, so a step writes them one by one. A model
        writer is False: each section is a paid round trip, so a step asks for all its first
        drafts at once (`write_all`) and then rewrites only the drafts that echo another.
        """
        ...

    @property
    def stand_in(self) -> Writer | None:
        """The writer that writes a section whose model answer stayed invalid (AICMO_LLM_FALLBACK=template).

        Such a section comes back from `write` with its `fallback_reason`. A step asking at once
        rewrites those sections with the stand-in in sequence (it is free), so they do not echo
        each other. None when a failed section fails the step, and for the template writer itself.
        """
        ...

    def write(self, spec: SectionSpec, facts: BriefFacts) -> WrittenSection:
        """Write one section from the brief's facts.

        Every field named by the section's kind is filled; no template token is left;
        no banned word appears; a required disclaimer is carried when `spec.needs_disclaimer`.

        Raises:
            ValueError: when `spec.kind` is not a section this writer knows.
            WriterFailed: when a model's output stays invalid and no fallback is allowed.
            BudgetExceeded: when the run has spent its limit on model calls.
            ChannelUnavailable: when the model server cannot be reached or refuses the key or model.
        """
        ...

    def write_all(self, specs: list[SectionSpec], facts: BriefFacts) -> list[WrittenSection]:
        """Write every section of `specs`, returned in the same order as `specs`.

        A model writer has up to AICMO_LLM_CONCURRENCY sections in flight at once; the
        template writer writes them one after the other. The first failure (same errors as
        `write`) is raised once the sections already in flight have stopped; sections not
        yet started are not asked for.
        """
        ...


class ModelUsage(Protocol):
    """What model calls cost: the ledger, read."""

    def calls(self, run: str) -> list[ModelCall]:
        """Every model call charged to a run, oldest first."""
        ...

    def costs(self, *, since: dt.date | None = None, client: str | None = None) -> list[CostLine]:
        """Calls, tokens and cost summed per client and model, from `since` (UTC) on."""
        ...


class ModelCatalog(Protocol):
    """The model server a model writer is set to use, as `aicmo doctor` checks it."""

    def model_names(self) -> list[str]:
        """The models the server lists (OpenAI `GET /models`, Anthropic `GET /v1/models`).

        Raises:
            ChannelUnavailable: the server cannot be reached or refuses the key; the message names the setting.
        """
        ...
