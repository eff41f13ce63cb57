"""Each QC rule catches its fault, names it, and leaves clean copy alone."""

import pytest
from pydantic import ValidationError

from aicmo.qc.internal.catalog import catalog
from aicmo.qc.internal.checks import PARAMS
from aicmo.qc.internal.evaluator import find, rulebook, score
from tests.unit.qc.packs import BRIEF, DISCLAIMER, item, pack, rules_hit


def test_clean_copy_has_no_findings():
    assert rules_hit(item()) == {}


@pytest.mark.parametrize(
    ("rule", "faulty", "says"),
    [
        ("QC-PLACEHOLDER", item(body="Hello {first_name}, welcome."), "'{first_name}'"),
        ("QC-PLACEHOLDER", item(body="[Insert testimonial here]"), "[Insert testimonial here]"),
        ("QC-BANNED-WORD", item(body="Not cheap, just good."), "'cheap'"),
        ("QC-BANNED-WORD", item(hook="The Best in the World beans"), "'best in the world'"),
        (
            "QC-DISCLAIMER",
            item(kind="ad", headline="Fresh", primary_text="Try it.", body="Roasted to order.", cta="Shop now"),
            DISCLAIMER,
        ),
        ("QC-PLATFORM-LIMIT", item(platform="x", body="word " * 70), "x ("),
        (
            "QC-HASHTAG-COUNT",
            item(platform="instagram", hashtags=" ".join(f"#tag{n}" for n in range(31))),
            "31 hashtags on instagram",
        ),
        (
            "QC-EMAIL-SUBJECT",
            item(
                kind="email", platform="email", subject="S" * 61, body="Hi. Free bag applies to new subscribers only."
            ),
            "61",
        ),
        ("QC-META-DESCRIPTION", item(kind="blog_outline", platform=None, meta_description="M" * 161), "161"),
        ("QC-CLICHE", item(body="A game-changer for your mornings."), "'game-changer'"),
        ("QC-UNSUPPORTED-CLAIM", item(body="Guaranteed to be the freshest coffee."), "'guaranteed'"),
        ("QC-UNSUPPORTED-CLAIM", item(body="We are #1 in Portland."), "'#1'"),
        ("QC-UNSUPPORTED-CLAIM", item(body="Studies show fresh beans taste better."), "'studies show'"),
        (
            "QC-COMPETITOR",
            item(
                kind="ad",
                headline="Better than Trade Coffee",
                primary_text="Free bag applies to new subscribers only.",
                cta="Shop",
            ),
            "'Trade Coffee'",
        ),
        ("QC-PERSONAL-DATA", item(body="Email jane.doe@gmail.com for a sample."), "jane.doe@gmail.com"),
        ("QC-PERSONAL-DATA", item(body="Call Jane on +1 503 555 0199 today."), "+1 503 555 0199"),
        ("QC-LINK", item(cta="Visit https://northwindroasters.com"), "has no UTM tags"),
        ("QC-LINK", item(cta="Visit https:/northwindroasters"), "malformed"),
        ("QC-MISSING-CTA", item(cta=""), "No call to action"),
        ("QC-BRAND-SPELLING", item(body="Northwind Roaster ships fast."), "'Northwind Roaster'"),
        (
            "QC-READABILITY",
            item(
                body=" ".join(
                    ["Incomprehensibly multidimensional organizational interdependencies notwithstanding"] * 6
                )
            ),
            "Reading grade",
        ),
    ],
)
def test_each_rule_catches_its_fault(rule, faulty, says):
    found = rules_hit(faulty)

    assert rule in found, found
    assert any(says in message for message in found[rule]), found[rule]


def test_a_claim_backed_by_the_briefs_proof_is_allowed():
    brief = BRIEF.model_copy(
        update={"offer": BRIEF.offer.model_copy(update={"proof": ["#1 roaster in Portland, Coffee Guild 2025"]})}
    )

    assert "QC-UNSUPPORTED-CLAIM" not in rules_hit(item(body="The #1 roaster in Portland."), brief=brief)


def test_near_duplicates_across_the_pack_are_flagged_on_the_later_item_named_as_people_count_it():
    calendar = item("calendar_entry", position=0, hook="A calendar hook.", body="A calendar body of its own.")
    first = item(position=1, body="Freshly roasted single-origin beans delivered to your door every two weeks.")
    second = item(
        position=2,
        hook="Another hook entirely.",
        body="Freshly roasted single-origin beans delivered to your door every 2 weeks.",
    )

    found = find(pack(calendar, first, second), BRIEF)

    [duplicate] = [f for f in found if f.rule_id == "QC-NEAR-DUPLICATE"]
    assert duplicate.item_id == second.item_id
    assert "the body of Social post 1 · Facebook:" in duplicate.message, "counted from 1 among the social posts"


def test_every_rule_has_an_id_severity_message_and_kinds():
    for rule in catalog().rules:
        assert rule.id.startswith("QC-") and rule.message and rule.applies_to


def test_a_blocker_fails_the_pack_and_waiving_it_lets_the_score_decide():
    faulty = item(body=f"Not cheap. Just good coffee. {DISCLAIMER}")
    findings = find(
        pack(
            faulty,
            item(
                position=1, hook="Other", body=f"Roasted in Portland every morning. Shipped the same day. {DISCLAIMER}"
            ),
        ),
        BRIEF,
    )
    items = [(str(faulty.item_id), "social_post")]

    failing = score(items, findings)
    waived = score(items, [f.model_copy(update={"waived": True}) for f in findings])

    assert not failing.passed and failing.by_deliverable["social_post"] == 60
    assert waived.passed and waived.score == 100


def test_digits_in_links_and_brand_names_followed_by_words_are_not_faults():
    brief = BRIEF.model_copy(update={"brand": BRIEF.brand.model_copy(update={"name": "Northwind Roasters 00"})})
    link = "https://northwindroasters.com/?utm_source=x&utm_medium=social&utm_campaign=northwind-roasters-00-2027-01"

    found = rules_hit(item(body="Northwind Roasters in Portland ships fresh.", cta=f"Order: {link}"), brief=brief)

    assert "QC-PERSONAL-DATA" not in found and "QC-BRAND-SPELLING" not in found


def test_rule_parameters_are_validated_when_the_catalog_loads():
    loaded = {rule.spec.id: rule.params for rule in rulebook()}
    thin_section = catalog_params("QC-THIN-SECTION")

    assert all(isinstance(loaded[rule_id], model) for rule_id, model in PARAMS.items())
    with pytest.raises(ValidationError, match="unknown content kinds \\['emial'\\]"):
        PARAMS["QC-THIN-SECTION"].model_validate({**thin_section, "sentences": {"emial": {"body": 3}}})
    with pytest.raises(ValidationError, match="earliest must come before latest"):
        PARAMS["QC-POSTING-HOURS"].model_validate({"earliest": "21:00", "latest": "07:00"})


def catalog_params(rule_id: str) -> dict:
    return next(rule.params for rule in catalog().rules if rule.id == rule_id)
