"""A bike repair shop's pack, from a brief filled in the console's form with its main fields only: the pack
passes QC on its own, and every line is one the shop could publish as written."""

import re
from collections import Counter

import pytest

from aicmo.orchestration.composition import bootstrap
from aicmo.platform.templating import sentence_key, sentences
from aicmo.qc.internal.checks.prose import prose_fields
from tests.unit.strategy.plan_briefs import fixture

CLINIC_LINES = (
    "Nervous first-timers are very welcome.",
    "Write down your questions before the first visit",
    "What to bring on day one.",
    "A first visit should be about listening, not selling.",
    "knowing who you will see makes a big difference",
    "How long it takes to see a difference",
)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    from aicmo.platform.settings import Settings

    brief = fixture("bike-shop")
    with bootstrap(Settings(home=tmp_path_factory.mktemp("bike")), launch_durable=False) as app:
        record = app.onboarding.capture(brief, "bike-shop.yaml")
        pack = app.production.generate_pack(record, app.strategy.generate(record))
        return pack, app.qc.evaluate(pack, brief)


def test_the_pack_passes_qc_with_no_blocker_and_nothing_waived(written):
    _, report = written

    assert report.passed, [f.message for f in report.findings if f.severity.value == "BLOCKER"]
    assert not [f for f in report.findings if f.severity.value == "BLOCKER"]


def test_no_sentence_is_said_more_than_twice_in_the_pack(written):
    pack, _ = written
    said = Counter(
        sentence_key(s)
        for item in pack.items
        for name, value in prose_fields(item).items()
        if name not in ("greeting", "signoff") and not (item.kind.value == "ad" and name == "cta")
        for s in sentences(value)
    )

    assert [s for s, n in said.items() if n > 2] == []


def test_no_clinic_line_is_written_for_a_bike_shop(written):
    pack, _ = written
    text = "\n".join(value for item in pack.items for value in item.fields.values()).casefold()

    assert [line for line in CLINIC_LINES if line.casefold() in text] == []


def test_the_welcome_email_thanks_nobody_for_joining_what_the_brief_does_not_offer(written):
    pack, _ = written
    emails = [item.fields["body"] for item in pack.items if item.kind.value == "email"]

    assert not [body for body in emails if re.search(r"(?i)\b(joining|signing up)\b", body)]


def test_a_brief_without_proof_gets_no_proof_section_on_its_landing_page(written):
    pack, _ = written
    (landing,) = [item for item in pack.items if item.kind.value == "landing_page"]

    assert not landing.fields.get("proof")


def test_a_calendar_email_entrys_format_note_names_only_fields_it_has(written):
    pack, _ = written
    entries = [i for i in pack.items if i.kind.value == "calendar_entry" and i.platform == "email"]

    assert entries
    for entry in entries:
        named = set(re.findall(r"(?i)\b(subject|preview|headline|greeting)\b", entry.fields["format_note"]))
        assert {n.casefold() for n in named} <= set(entry.fields), entry.fields["format_note"]
