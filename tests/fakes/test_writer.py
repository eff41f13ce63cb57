from aicmo.creatives.api import SectionSpec
from tests.briefs import writer_facts
from tests.fakes import FakeWriter

FACTS = writer_facts("minimal")


def test_first_drafts_carry_the_flaw_and_revisions_drop_it():
    writer = FakeWriter(flaw="Guaranteed.")
    draft = writer.write(SectionSpec(kind="social_post"), FACTS)
    revised = writer.write(SectionSpec(kind="social_post", revision_notes=["QC-UNSUPPORTED-CLAIM"]), FACTS)

    assert draft.fields["body"].endswith("Guaranteed.")
    assert "Guaranteed." not in revised.fields["body"]
    assert writer.notes_seen == [["QC-UNSUPPORTED-CLAIM"]]


def test_a_stubborn_writer_keeps_the_flaw_and_other_sections_stay_clean():
    writer = FakeWriter(flaw="Guaranteed.", fixed_by_revision=False)

    assert (
        writer.write(SectionSpec(kind="social_post", revision_notes=["fix it"]), FACTS)
        .fields["body"]
        .endswith("Guaranteed.")
    )
    assert "Guaranteed." not in writer.write(SectionSpec(kind="email"), FACTS).fields["body"]
