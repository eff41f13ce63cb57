"""Writing a step's items so the pack does not repeat itself.

A writer that writes in sequence (the template writer) writes each item after the ones
before it, steered by their sentences (`avoid`), and tries other wordings while it echoes.
A model writer gets every first draft asked at once (`write_all`, up to its concurrency),
so a 47-item pack is not 47 round trips in a row; then one pass in the pack's order keeps
each draft that echoes nothing kept before it, and only the echoes are asked again, at
once, for another wording that avoids what was kept. Sections the model failed and its
stand-in (the template writer) wrote are written again by the stand-in, in sequence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aicmo.creatives.api import BriefFacts, SectionSpec, Writer, WrittenSection
from aicmo.onboarding.api import Brief
from aicmo.production.api.dtos import ContentKind
from aicmo.production.internal.distinctness import WrittenSoFar
from aicmo.production.internal.pack_plan import PlannedItem, pack_plan
from aicmo.production.internal.utm import link_for

_NEEDS_DISCLAIMER = {
    ContentKind.CALENDAR_ENTRY,
    ContentKind.SOCIAL_POST,
    ContentKind.EMAIL,
    ContentKind.AD,
    ContentKind.LANDING_PAGE,
}
_WITH_HASHTAGS = {ContentKind.CALENDAR_ENTRY, ContentKind.SOCIAL_POST}
_MAX_VARIANTS = 8
_MAX_MODEL_VARIANTS = 2
"""Wordings a model is asked for per item and step: each is a paid call, so a step costs at
most twice its first drafts. An echo left after the second wording is QC's to find (the
near-duplicate rule), and the revise loop rewrites it with that finding."""


@dataclass(frozen=True)
class Job:
    """One item to write: its place in the plan, where its wordings start, and why it is rewritten."""

    item: PlannedItem
    first_variant: int = 0
    notes: tuple[str, ...] = ()
    round: int = 0


class Drafting:
    def __init__(self, writer: Writer, facts: BriefFacts, brief: Brief, request_key: str | None) -> None:
        self._writer = writer
        self._facts = facts
        self._brief = brief
        self._request_key = request_key

    def write(self, jobs: list[Job], so_far: WrittenSoFar) -> list[WrittenSection]:
        """The jobs' sections in the order given, each remembered in `so_far` in that order."""
        written = self._in_sequence(jobs, so_far) if self._writer.writes_in_sequence else self._at_once(jobs, so_far)
        return [_with_format_note(job.item, section) for job, section in zip(jobs, written, strict=True)]

    def _in_sequence(self, jobs: list[Job], so_far: WrittenSoFar, writer: Writer | None = None) -> list[WrittenSection]:
        writer = writer or self._writer
        written = []
        for job in jobs:
            spec = self._spec(job, so_far.avoid(in_sequence=reads_in_sequence(job.item.kind)))
            section = writer.write(spec, self._facts)
            for variant in range(job.first_variant + 1, job.first_variant + _MAX_VARIANTS):
                if not so_far.echoes(section.fields):
                    break
                section = writer.write(spec.model_copy(update={"variant": variant}), self._facts)
            so_far.remember(section.fields, in_sequence=reads_in_sequence(job.item.kind))
            written.append(section)
        return written

    def _at_once(self, jobs: list[Job], so_far: WrittenSoFar) -> list[WrittenSection]:
        avoid = so_far.avoid()
        specs = [self._spec(job, avoid) for job in jobs]
        written = self._writer.write_all(specs, self._facts)
        echoing = _by_the_model(written, range(len(jobs)))
        for extra in range(1, _MAX_MODEL_VARIANTS):
            echoing = _keep_distinct(jobs, written, echoing, so_far)
            if not echoing:
                break
            again = [
                specs[n].model_copy(
                    update={
                        "variant": specs[n].variant + extra,
                        "avoid": so_far.avoid(in_sequence=reads_in_sequence(jobs[n].item.kind)),
                    }
                )
                for n in echoing
            ]
            for n, section in zip(echoing, self._writer.write_all(again, self._facts), strict=True):
                written[n] = section
            echoing = _by_the_model(written, echoing)
        for n in echoing:
            so_far.remember(written[n].fields, in_sequence=reads_in_sequence(jobs[n].item.kind))
        self._stand_in_for_failures(jobs, written, so_far)
        return written

    def _stand_in_for_failures(self, jobs: list[Job], written: list[WrittenSection], so_far: WrittenSoFar) -> None:
        """Rewrite the sections the stand-in wrote at once, in sequence, so they echo nothing kept.

        Written at once, they could not see each other: five fallback emails would share their
        sentences. The stand-in costs nothing, so it writes them again one after the other.
        """
        failed = [n for n, section in enumerate(written) if section.fallback_reason]
        if not failed or self._writer.stand_in is None:
            return
        rewritten = self._in_sequence([jobs[n] for n in failed], so_far, self._writer.stand_in)
        for n, section in zip(failed, rewritten, strict=True):
            written[n] = section.model_copy(update={"fallback_reason": written[n].fallback_reason})

    def _spec(self, job: Job, avoid: list[str]) -> SectionSpec:
        item = job.item
        form = pack_plan().platforms.get(item.platform or "")
        return SectionSpec(
            kind=item.kind.value,
            platform=item.platform,
            index=item.index,
            variant=job.first_variant,
            link=link_for(self._brief, item.kind, item.platform),
            hashtags=form.hashtags if form and item.kind in _WITH_HASHTAGS else 0,
            max_chars=form.max_chars if form and item.kind in _WITH_HASHTAGS | {ContentKind.AD} else None,
            needs_disclaimer=item.kind in _NEEDS_DISCLAIMER,
            revision_notes=list(job.notes),
            request_key=self._request_key,
            round=job.round,
            avoid=avoid,
        )


_WRITTEN_FIRST = {ContentKind.LANDING_PAGE: 0, ContentKind.BLOG_OUTLINE: 1, ContentKind.EMAIL: 2, ContentKind.AD: 3}


def writing_rank(kind: ContentKind) -> int:
    """Where items of `kind` come when a pack, or a revision of it, is written: the one-off
    pieces first, so they show the brief's proof and offers as they are, and the posts take
    other wordings."""
    return _WRITTEN_FIRST.get(kind, len(_WRITTEN_FIRST))


def reads_in_sequence(kind: ContentKind) -> bool:
    """Emails are read one after another: each avoids every sentence of the earlier ones."""
    return kind == ContentKind.EMAIL


def _by_the_model(written: list[WrittenSection], candidates: Iterable[int]) -> list[int]:
    """The candidates a model wrote: those its stand-in wrote are rewritten apart, in sequence."""
    return [n for n in candidates if not written[n].fallback_reason]


def _keep_distinct(
    jobs: list[Job], written: list[WrittenSection], candidates: list[int], so_far: WrittenSoFar
) -> list[int]:
    """Remember, in order, each candidate that echoes nothing kept so far; return the others."""
    echoing = []
    for n in candidates:
        if so_far.echoes(written[n].fields):
            echoing.append(n)
        else:
            so_far.remember(written[n].fields, in_sequence=reads_in_sequence(jobs[n].item.kind))
    return echoing


def _with_format_note(item: PlannedItem, section: WrittenSection) -> WrittenSection:
    form = pack_plan().platforms.get(item.platform or "")
    if item.kind not in _WITH_HASHTAGS or not form:
        return section
    return section.model_copy(update={"fields": {**section.fields, "format_note": form.note}})
