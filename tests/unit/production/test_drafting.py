"""A step's emails read as one sequence, whoever wrote them."""

from collections import Counter

from aicmo.platform.templating import sentences
from aicmo.production.api.dtos import ContentKind
from aicmo.production.internal.distinctness import WrittenSoFar
from aicmo.production.internal.drafting import Drafting, Job
from aicmo.production.internal.pack_plan import PlannedItem
from tests.briefs import example, writer_facts
from tests.fakes import FakeFailedModelWriter

_SAID_IN_EVERY_EMAIL = ("greeting", "cta", "signoff")


def _emails_written_by(writer, brief_name: str):
    facts = writer_facts(brief_name)
    jobs = [Job(PlannedItem(ContentKind.EMAIL, n, "email")) for n in range(5)]
    return Drafting(writer, facts, example(brief_name), None).write(jobs, WrittenSoFar(exempt=facts.disclaimers)), facts


def test_emails_the_stand_in_wrote_for_a_failed_model_repeat_no_sentence_and_keep_their_reason():
    written, facts = _emails_written_by(FakeFailedModelWriter(), "minimal")

    said = Counter(
        sentence
        for section in written
        for name, value in section.fields.items()
        if name not in _SAID_IN_EVERY_EMAIL
        for sentence in sentences(value)
        if sentence not in facts.disclaimers
    )
    assert [s for s, uses in said.items() if uses > 1] == []
    assert len({section.fields["subject"] for section in written}) == 5
    assert all(section.fallback_reason == "the model's answer was invalid twice" for section in written)
