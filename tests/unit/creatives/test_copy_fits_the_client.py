"""Copy a client would publish: calls to action that fit the business, verbs that agree with
the brief's plural facts, no noun phrase standing as a sentence, no empty connective, one sender."""

import functools
import re

import pytest

from aicmo.creatives.api import SectionSpec
from aicmo.creatives.internal.template_writer import TemplateWriter
from aicmo.platform.templating import sentences
from tests.briefs import EXAMPLES, writer_facts

LINK = "https://example.com/?utm_source=linkedin&utm_medium=social&utm_campaign=c"
WALK_IN = r"(?i)\b(visit|appointment|callback|book online|pop in|drop by|stop by|come by|nearby|neighbours)\b"
EMPTY_CONNECTIVES = (
    "In short,",
    "Put simply,",
    "Simply put,",
    "As a rule,",
    "To be precise,",
    "Specifically,",
    "To be clear,",
)
ANAPHORIC = ("That is the road to", "That is how you")
"""Openers that claim a link to the sentence before, written where any sentence may come before."""


@functools.cache
def pack(name: str, kinds=("calendar_entry", "email", "social_post", "landing_page")) -> tuple[dict[str, str], ...]:
    """The brief's items of `kinds`, each told to avoid the sentences written before it, as production does.
    The template writer is deterministic, so each pack is written once and read by every test of it."""
    facts, writer, written = writer_facts(name), TemplateWriter(), []
    for kind in kinds:
        for i in range(30 if kind == "calendar_entry" else 5):
            avoid = [s for fields in written for value in fields.values() for s in sentences(value)]
            spec = SectionSpec(
                kind=kind, platform="email" if kind == "email" else "linkedin", index=i, link=LINK, avoid=avoid
            )
            written.append(writer.write(spec, facts).fields)
    return tuple(written)


@pytest.mark.parametrize(
    ("name", "market"), [("ledgerly", "b2b"), ("northwind", "b2c"), ("minimal", "local"), ("zen-studio", "local")]
)
def test_the_market_is_typed_from_the_brief_not_from_its_locations(name, market):
    assert writer_facts(name).market == market


@pytest.mark.parametrize("name", ["ledgerly", "northwind"])
def test_a_business_nobody_walks_into_is_never_asked_for_a_visit_or_an_appointment(name):
    ctas = [fields["cta"] for fields in pack(name, kinds=("calendar_entry", "email", "ad"))]

    assert not [cta for cta in ctas if re.search(WALK_IN, cta)]


def test_b2b_leads_are_asked_for_a_demo_or_a_call():
    ctas = [fields["cta"] for fields in pack("ledgerly", kinds=("calendar_entry",))]

    assert (
        sum(bool(re.search(r"(?i)\b(demo|call|walkthrough|session|meeting|talk)\b", cta)) for cta in ctas)
        >= len(ctas) // 3
    )


def test_a_plural_outcome_takes_a_plural_verb():
    text = "\n".join(value for fields in pack("ledgerly") for value in fields.values())

    assert not re.search(r"(?i)audit trails without overtime is\b", text)


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_sentence_opens_with_a_connective_that_means_nothing_there(name):
    said = [s for fields in pack(name) for value in fields.values() for s in sentences(value)]

    assert not [s for s in said if s.startswith(EMPTY_CONNECTIVES + ANAPHORIC)]


def test_the_current_offer_is_not_set_as_a_sentence_of_its_own_in_a_body_or_an_answer():
    said = [s for fields in pack("ledgerly") for key in ("body", "faq") for s in sentences(fields.get(key, ""))]

    assert not [s for s in said if re.match(r"(?:A: )?A free close-readiness audit for teams of 5 or more[,.]", s)]


@pytest.mark.parametrize("name", EXAMPLES)
def test_an_email_sequence_is_signed_by_one_sender(name):
    senders = {fields["signoff"].splitlines()[-1] for fields in pack(name, kinds=("email",))}

    assert len(senders) == 1


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_connective_opens_two_sentences_of_one_item(name):
    for fields in pack(name):
        openers = [
            s.split(" ", 1)[0]
            for value in fields.values()
            for s in sentences(value)
            if s.split(" ", 1)[0].endswith(",")
        ]
        assert len(openers) == len(set(openers)), fields


def test_a_price_is_not_set_after_a_colon_as_a_sentence_of_its_own():
    text = "\n".join(value for fields in pack("northwind") for value in fields.values())

    assert "before you start: The" not in text


def _unconnected(sentence: str) -> str:
    """The sentence without a connective before it ("On top of that, we explain …" → "we explain …")."""
    head, _, rest = sentence.partition(", ")
    return rest.casefold() if rest and len(head.split()) <= 4 else sentence.casefold()


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_item_says_a_sentence_twice_even_behind_a_connective(name):
    for fields in pack(name, kinds=("email", "calendar_entry")):
        said = [_unconnected(s) for value in fields.values() for s in sentences(value)]
        assert len(said) == len(set(said)), fields


def test_a_call_to_action_promises_no_online_booking_the_brief_does_not_give():
    ctas = [fields["cta"] for fields in pack("minimal", kinds=("calendar_entry", "email"))]

    assert not [cta for cta in ctas if "online" in cta.casefold()]
