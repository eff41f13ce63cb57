import re

import pytest
import yaml

from aicmo.creatives.api import BriefFacts, OfferFact, SectionSpec
from aicmo.creatives.internal.template_bank import TemplateBank, template_bank
from aicmo.creatives.internal.template_writer import TemplateWriter, fit

KINDS = ["social_post", "calendar_entry", "email", "ad", "landing_page", "blog_outline"]
RICH = BriefFacts(
    brand="Northwind Roasters",
    industry="Specialty coffee",
    product="Single-origin coffee subscriptions",
    website="https://northwindroasters.com",
    offers=[OfferFact(name="Explorer subscription", usp="A different origin every two weeks", price="$24 per bag")],
    current_offer="First bag free with any 3-month subscription",
    proof=["4.9 stars from 1,200 subscriber reviews"],
    audience="Home brewers aged 28-45",
    pain_points=["Cheap supermarket beans are stale by the time they are opened"],
    desired_outcomes=["Café-quality coffee at home"],
    objections=["Specialty coffee is too expensive for every day"],
    adjectives=["fresh", "curious"],
    banned_words=["cheap", "best in the world"],
    disclaimers=["Free bag applies to new subscribers only."],
)
SPARSE = BriefFacts(brand="Harbor Dental", industry="Dental clinic", product="Family dentistry", audience="Parents nearby")


@pytest.mark.parametrize("facts", [RICH, SPARSE], ids=["rich", "sparse"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("index", range(6))
def test_every_section_is_filled_with_no_token_left_and_no_banned_word(facts, kind, index):
    written = TemplateWriter().write(SectionSpec(kind=kind, platform="instagram", index=index, needs_disclaimer=True), facts)

    for name, value in written.fields.items():
        assert value.strip(), f"{kind}.{name} is empty"
        assert not re.search(r"[{}]|\bNone\b", value), f"{kind}.{name}: {value!r}"
        assert not re.search(r"(?i)\bcheap\b|best in the world", value), f"{kind}.{name}: {value!r}"
    if facts.disclaimers:
        assert "Free bag applies to new subscribers only." in "\n".join(written.fields.values())


def test_copy_is_built_from_the_briefs_facts():
    text = "\n".join(
        "\n".join(TemplateWriter().write(SectionSpec(kind=kind, index=i), RICH).fields.values())
        for kind in KINDS
        for i in range(5)
    )

    for fact in ("Explorer subscription", "$24 per bag", "4.9 stars from 1,200 subscriber reviews", "café-quality coffee at home"):
        assert fact.lower() in text.lower()


def test_the_same_spec_gives_the_same_copy_and_a_variant_another():
    spec = SectionSpec(kind="social_post", platform="facebook", index=3)
    writer = TemplateWriter()

    assert writer.write(spec, RICH) == writer.write(spec, RICH)
    assert writer.write(spec.model_copy(update={"variant": 1}), RICH).fields["hook"] != writer.write(spec, RICH).fields["hook"]


@pytest.mark.parametrize("index", range(7))
def test_email_subjects_stay_within_60_characters(index):
    subject = TemplateWriter().write(SectionSpec(kind="email", index=index), RICH).fields["subject"]

    assert 0 < len(subject) <= 60


def test_a_length_limit_keeps_the_disclaimer_whole():
    spec = SectionSpec(kind="social_post", platform="x", index=0, max_chars=200, needs_disclaimer=True)

    fields = TemplateWriter().write(spec, RICH).fields

    assert sum(len(v) + 2 for v in fields.values()) <= 202
    assert fields["body"].endswith("Free bag applies to new subscribers only.")


def test_an_unknown_section_is_refused_by_name():
    with pytest.raises(ValueError, match="knows no section 'billboard'"):
        TemplateWriter().write(SectionSpec(kind="billboard"), RICH)


def test_the_bank_refuses_an_unknown_slot(tmp_path):
    data = yaml.safe_load(template_bank().model_dump_json())
    data["sections"]["ad"]["fields"]["headline"].append("{coupon_code} off")

    with pytest.raises(ValueError, match="unknown slots: coupon_code"):
        TemplateBank.model_validate(data)


def test_fit_cuts_at_a_boundary():
    assert fit("One idea here. Another idea that runs long.", 25) == "One idea here."
    assert fit("words that run on and on", 12) == "words that…"
