import re

import pytest
import yaml

from aicmo.creatives.api import BriefFacts, Fact, SectionSpec
from aicmo.creatives.internal.phrasing import Phrasing, phrasing
from aicmo.creatives.internal.template_writer import TemplateWriter
from aicmo.platform.templating import sentences, word_count
from tests.briefs import writer_facts

KINDS = ["social_post", "calendar_entry", "email", "ad", "landing_page", "blog_outline"]
LINK = "https://northwindroasters.com/?utm_source=facebook&utm_medium=social&utm_campaign=n"
NORTHWIND = writer_facts("northwind")
ZEN = writer_facts("zen-studio")
SPARSE = writer_facts("minimal")
BROKEN = [
    r"\bwant move\b",
    r"\bgives office workers move\b",
    r"proven by rated",
    r"makes it expert",
    r"(?i)\ba expert\b",
    r"courses involves",
    r"without the guesswork, without the guesswork",
    r"\bget discover\b",
    r"\(part \d\)",
    r"…",
]


def write(facts: BriefFacts, kind: str, **spec) -> dict[str, str]:
    return TemplateWriter().write(SectionSpec(kind=kind, **spec), facts).fields


@pytest.mark.parametrize("facts", [NORTHWIND, ZEN, SPARSE], ids=["northwind", "zen", "sparse"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("index", range(5))
def test_every_section_is_complete_with_no_token_no_banned_word_and_no_broken_phrase(facts, kind, index):
    fields = write(facts, kind, platform="facebook", index=index, needs_disclaimer=True, link=LINK, hashtags=3)
    text = "\n".join(fields.values())

    assert not re.search(r"[{}]|\bNone\b", text), text
    for word in facts.banned_words:
        assert word.casefold() not in text.casefold()
    for pattern in BROKEN:
        assert not re.search(pattern, text), f"{pattern} in {text}"
    for disclaimer in facts.disclaimers:
        assert disclaimer in text


@pytest.mark.parametrize("facts", [NORTHWIND, ZEN, SPARSE], ids=["northwind", "zen", "sparse"])
@pytest.mark.parametrize("index", range(5))
def test_an_email_has_a_subject_that_fits_a_body_of_80_to_150_words_and_one_call_to_action(facts, index):
    email = write(facts, "email", platform="email", index=index, needs_disclaimer=True, link=LINK)

    assert 0 < len(email["subject"]) <= 60 and not email["subject"].endswith("…")
    assert 80 <= word_count(email["body"]) <= 150, email["body"]
    assert "http" not in email["body"] and email["cta"].count("http") == 1
    assert email["greeting"] and email["signoff"] and email["preview"]


@pytest.mark.parametrize("index", range(6))
def test_a_post_body_has_two_to_four_sentences_and_its_own_sentences(index):
    post = write(ZEN, "calendar_entry", platform="facebook", index=index, link=LINK, hashtags=4)
    said = sentences(post["body"])

    assert 2 <= len(said) <= 4
    assert len({s.casefold() for s in [post["hook"], *said]}) == len(said) + 1


def test_an_instagram_caption_has_no_link_and_points_to_the_bio():
    post = write(NORTHWIND, "social_post", platform="instagram", index=2, hashtags=5)

    assert "http" not in "\n".join(post.values())
    assert "link in bio" in post["cta"]


def test_a_call_to_action_done_where_the_reader_is_points_nowhere_else():
    awareness = NORTHWIND.model_copy(update={"objective": "awareness"})
    ctas = [write(awareness, "social_post", platform=p, index=i)["cta"] for p in ("instagram", "x") for i in range(12)]
    in_place = phrasing().in_place

    assert all("(" not in cta for cta in ctas if cta.split()[0].lower() in in_place)
    assert any("(" not in cta for cta in ctas), "a follow or share call to action has no pointer to a link"
    assert all("(" in cta for cta in ctas if cta.split()[0].lower() not in in_place), ctas


@pytest.mark.parametrize("facts", [NORTHWIND, ZEN], ids=["northwind", "zen"])
def test_hashtags_come_from_topic_industry_and_places_never_tone_words(facts):
    for index in range(6):
        tags = write(facts, "calendar_entry", platform="instagram", index=index, hashtags=5)["hashtags"].split()
        assert 3 <= len(tags) <= 6
        assert not {t.lstrip("#").casefold() for t in tags} & {
            w.casefold() for w in [*facts.tone, "friendly", "expert", "warm", "or"]
        }


@pytest.mark.parametrize("platform,limit", [("facebook", 40), ("linkedin", 70), ("instagram", 40)])
def test_ad_copy_is_written_to_the_platforms_limits_never_cut(platform, limit):
    for index in range(4):
        ad = write(ZEN, "ad", platform=platform, index=index, needs_disclaimer=True)
        assert len(ad["headline"]) <= limit and not ad["headline"].endswith("…")
        assert ad["audience"].startswith("Office workers") and ad["placement"]


def test_the_landing_page_shows_the_briefs_proof_and_answers_its_objections():
    page = write(ZEN, "landing_page", needs_disclaimer=True, link=LINK)

    assert "Rated 4.9 from 310 Google reviews" in page["proof"]
    assert (
        "I'm not flexible enough for yoga" in page["faq"] and "I don't have time for a class every week" in page["faq"]
    )
    assert "Ask us for references" not in "\n".join(page.values())
    assert "Beginner course" in page["offer"] and "$89 for six weeks" in page["offer"]


def test_the_blog_outline_has_four_to_six_sections_of_two_or_three_points():
    outline = write(SPARSE, "blog_outline")["outline"]
    sections = outline.split("\n\n")

    assert 4 <= len(sections) <= 6
    for section in sections:
        heading, *points = section.splitlines()
        assert heading.startswith("## ") and 2 <= len(points) <= 3


def test_the_blog_outline_credits_each_offers_facts_to_that_offer_alone():
    outline = write(NORTHWIND, "blog_outline")["outline"]
    offers = {o.name.text.casefold(): [o.usp.text.casefold(), o.price.text.casefold()] for o in NORTHWIND.offers}

    for section in outline.casefold().split("\n\n"):
        heading, *points = section.splitlines()
        for point in points:
            for name in (name for name, facts in offers.items() if any(fact in point for fact in facts)):
                assert name in point or name in heading, (heading, point)
                assert not [other for other in offers if other != name and other in heading], (heading, point)


def test_two_clients_get_differently_built_hooks():
    def skeletons(facts: BriefFacts) -> set[str]:
        hooks = [write(facts, "calendar_entry", platform="facebook", index=i)["hook"] for i in range(7)]
        return {re.sub(rf"(?i){re.escape(facts.brand.text)}|\d+", "<v>", hook) for hook in hooks}

    assert len(skeletons(NORTHWIND) & skeletons(ZEN)) <= 2


def test_a_fact_holding_a_banned_word_is_not_built_on():
    facts = NORTHWIND.model_copy(update={"proof": [Fact(text="The cheap choice of 2025", form="name", banned=True)]})

    text = "\n".join("\n".join(write(facts, kind, index=i).values()) for kind in KINDS for i in range(4))

    assert "cheap" not in text.casefold()


def test_a_sentence_fact_is_never_pasted_after_a_verb():
    facts = ZEN.model_copy(update={"desired_outcomes": [Fact(text="Move without pain", form="action")]})

    text = "\n".join(
        "\n".join(write(facts, "calendar_entry", platform="facebook", index=i).values()) for i in range(14)
    )

    assert re.search(r"(?i)\b(to|can|could|you) move without pain", text)
    assert not re.search(r"\b(want|get|gives|need|with) move without pain", text, re.IGNORECASE)


def test_the_same_spec_gives_the_same_copy_and_avoided_sentences_are_not_written_again():
    spec = SectionSpec(kind="social_post", platform="facebook", index=3)
    writer = TemplateWriter()
    first = writer.write(spec, NORTHWIND)

    assert writer.write(spec, NORTHWIND) == first
    assert (
        writer.write(spec.model_copy(update={"avoid": [first.fields["hook"]]}), NORTHWIND).fields["hook"]
        != first.fields["hook"]
    )


def test_an_unknown_section_is_refused_by_name():
    with pytest.raises(ValueError, match="knows no section 'billboard'"):
        TemplateWriter().write(SectionSpec(kind="billboard"), NORTHWIND)


def test_the_phrasing_refuses_an_unknown_slot():
    data = yaml.safe_load(phrasing().model_dump_json())
    data["hooks"]["offer"].append("{coupon_code} off")

    with pytest.raises(ValueError, match="unknown slots: coupon_code"):
        Phrasing.model_validate(data)


def test_an_objection_about_price_is_answered_with_the_price_or_the_offer():
    facts = ZEN.model_copy(update={"objections": [Fact(text="Yoga classes cost too much", form="quote")]})

    faq = write(facts, "landing_page")["faq"]

    answer = faq.split("\n")[1]
    assert "$" in answer or "first class free" in answer.casefold(), answer


@pytest.mark.parametrize("index", range(5))
def test_a_thin_briefs_emails_and_posts_promise_no_proof_pain_or_offer_it_does_not_have(index):
    email = write(SPARSE, "email", platform="email", index=index)
    entry = write(SPARSE, "calendar_entry", platform="facebook", index=index)
    said = " ".join([email["subject"], email["preview"], email["body"]])

    assert not re.search(r"(?i)proof|others found|what others|we hear every week|people stay", said), said
    assert entry["pillar"] in {"How-to", "Story"}


@pytest.mark.parametrize("index", range(3))
def test_a_post_answering_a_doubt_about_price_answers_with_the_price_or_the_offer(index):
    facts = ZEN.model_copy(update={"objections": [Fact(text="Yoga classes cost too much", form="quote")]})

    post = write(facts, "calendar_entry", platform="facebook", index=index, role="objection")

    assert "Yoga classes cost too much" in post["hook"]
    assert re.search(r"(?i)\$\d+|first class free", post["body"]), post["body"]
