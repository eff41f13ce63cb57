"""A Writer whose first drafts carry a fault QC must catch, to drive the revise loop."""

from __future__ import annotations

from aicmo.creatives.api import BriefFacts, SectionSpec, WrittenSection
from aicmo.creatives.internal.template_writer import TemplateWriter


class FakeWriter:
    """Writes like the template writer, but adds `flaw` to every first-draft social post.

    With `fixed_by_revision`, a section written with revision notes comes out clean (QC
    passes after one revision); without, every draft keeps the flaw (QC fails twice).
    """

    writes_in_sequence = True
    stand_in = None

    def __init__(self, flaw: str = "Guaranteed to change your mornings.", *, fixed_by_revision: bool = True) -> None:
        self.flaw = flaw
        self.fixed_by_revision = fixed_by_revision
        self.notes_seen: list[list[str]] = []
        self._real = TemplateWriter()

    def write(self, spec: SectionSpec, facts: BriefFacts) -> WrittenSection:
        written = self._real.write(spec, facts)
        if spec.revision_notes:
            self.notes_seen.append(list(spec.revision_notes))
        if spec.kind != "social_post" or (spec.revision_notes and self.fixed_by_revision):
            return written
        return WrittenSection(fields={**written.fields, "body": f"{written.fields['body']} {self.flaw}"})

    def write_all(self, specs: list[SectionSpec], facts: BriefFacts) -> list[WrittenSection]:
        return [self.write(spec, facts) for spec in specs]


class FakeFailedModelWriter:
    """A model writer whose every answer stays invalid: its stand-in, the template writer, writes each section.

    Like the real one it asks at once (`writes_in_sequence` is False), so the stand-in's sections
    cannot see each other until the step rewrites them in sequence.
    """

    writes_in_sequence = False

    def __init__(self) -> None:
        self.stand_in = TemplateWriter()

    def write(self, spec: SectionSpec, facts: BriefFacts) -> WrittenSection:
        written = self.stand_in.write(spec, facts)
        return written.model_copy(update={"fallback_reason": "the model's answer was invalid twice"})

    def write_all(self, specs: list[SectionSpec], facts: BriefFacts) -> list[WrittenSection]:
        return [self.write(spec, facts) for spec in specs]
