"""QC judges what a client would notice: each rule flags the real slip and leaves good copy alone."""

import datetime as dt

import pytest

from aicmo.production.api import ContentItem
from aicmo.qc.internal.evaluator import find, score
from tests.briefs import example
from tests.unit.qc.packs import BRIEF, DISCLAIMER, LINK, item, pack, rules_hit

YOGA = BRIEF.model_copy(
    update={
        "brand": BRIEF.brand.model_copy(
            update={"name": "Zen🧘 Studio", "industry": "Yoga studio", "product": "Small-group yoga classes"}
        ),
        "voice": BRIEF.voice.model_copy(update={"tone": ["friendly", "expert"], "adjectives": ["calm"]}),
        "audience": BRIEF.audience.model_copy(update={"desired_outcomes": ["Move without pain"]}),
    }
)


DISTINCT = [
    (
        "Stale beans are a choice.",
        "Supermarket shelves hold coffee for months. Ours leaves the roaster two days before it reaches you.",
    ),
    (
        "Ethiopia, then Kenya.",
        "Each fortnight brings a new origin with its own tasting card. You learn what you like by tasting it.",
    ),
    (
        "Is specialty coffee worth it?",
        "A bag makes about twenty cups at a little over a dollar each. That is less than one café latte.",
    ),
    (
        "Grind right before you brew.",
        "Whole beans keep their aroma for weeks. Ground coffee loses most of it within an hour.",
    ),
    ("Meet our head roaster.", "Maya has roasted in Portland since 2014. She cups every batch before it ships."),
    (
        "Office coffee people queue for.",
        "Five pounds of house espresso arrive each month. We service the grinder for free.",
    ),
]


def distinct_post(n: int, *extra: str) -> ContentItem:
    """A post unlike the other distinct posts (hook, body and call to action of its own)."""
    hook, text = DISTINCT[n]
    return item(position=n, hook=hook, body=" ".join([text, *extra, DISCLAIMER]), cta=f"Try origin {n + 1}: {LINK}")


def body(*sentences: str) -> str:
    """A full post body around the sentences under test, with the brief's disclaimer."""
    return " ".join([*sentences, "Every bag comes with tasting notes.", DISCLAIMER])


def hits(rule: str, *items: ContentItem, brief=BRIEF) -> list[str]:
    return rules_hit(*items, brief=brief).get(rule, [])


@pytest.mark.parametrize(
    ("sentence", "says"),
    [
        ("A expert process for every home brewer.", "'A expert' (write 'An expert')"),
        ("Northwind Roasters makes it a expert job.", "'a expert' (write 'an expert')"),
        ('Our promise: "A expert process".', "'A expert' (write 'An expert')"),
        ("Meet us in a hour.", "'a hour'"),
        ("It is an university course.", "'an university'"),
        ("Join a 8-week course.", "'a 8-week'"),
        ("Book an B2B demo.", "'an B2B'"),
    ],
)
def test_a_wrong_article_is_a_blocker(sentence, says):
    [message] = hits("QC-ARTICLE", item(body=body(sentence)))

    assert says in message and "vowel sound" in message


def test_articles_that_fit_the_sound_pass_acronyms_included():
    good = body(
        "An expert process.",
        "Your order ships in an hour.",
        "A university study.",
        "An SEO audit, a URL, a FAQ page or an FAQ page, an MIT-style licence, a MCVE.",
        "An X-ray, a T-shirt, an all-in-one kit, a user-friendly app, an hour-long class.",
        "An 8-week course at a one-time price.",
        "An honest answer from a European roaster.",
        "Plan A is a 4.9-star favourite, and Plan A ends in May.",
        "Book a Zen🧘 Studio class.",
    )

    assert hits("QC-ARTICLE", item(body=good)) == []


def test_grammar_rules_read_only_english_briefs():
    portuguese = BRIEF.model_copy(update={"voice": BRIEF.voice.model_copy(update={"language": "pt"})})

    assert hits("QC-ARTICLE", item(body=body("A escola e a hora.")), brief=portuguese) == []


def test_a_sentence_starting_in_lower_case_is_a_blocker():
    faulty = item(
        "landing_page",
        None,
        faq="Q: Does it break our ERP?\nA: Most people ask this first. customers close 4 days faster on average.",
    )

    [message] = hits("QC-SENTENCE-CASE", faulty)

    assert "'first. customers'" in message and "capitalise" in message


def test_sentences_in_capitals_abbreviations_and_names_written_in_lower_case_pass():
    brief = BRIEF.model_copy(update={"brand": BRIEF.brand.model_copy(update={"name": "northwind roasters"})})
    good = body(
        "Fresh beans. Roasted today!",
        "Open 7 a.m. to noon, e.g. on Saturdays... or so.",
        "Three steps: 1. grind 2. brew 3. enjoy.",
        "We ship fast. northwind roasters ships within 48 hours. eBay sellers ask us too.",
        "- a bullet in lower case\n- another one",
    )

    assert hits("QC-SENTENCE-CASE", item(body=good), brief=brief) == []


@pytest.mark.parametrize(
    ("sentence", "says"),
    [
        ("Office workers with back pain want move without pain.", "'want move without pain'"),
        (
            "Northwind Roasters was built so that home brewers get discover new origins without guesswork.",
            "'get discover new origins'",
        ),
        ("Zen🧘 Studio gives office workers move without pain.", "'gives office workers move without pain'"),
    ],
)
def test_a_verb_running_into_a_bare_verb_is_a_blocker(sentence, says):
    [message] = hits("QC-BARE-VERB", item(body=body(sentence)), brief=YOGA)

    assert says in message and "'to'" in message


def test_verbs_that_take_a_bare_verb_or_to_pass():
    good = body(
        "Office workers want to move without pain.",
        "Zen🧘 Studio gives office workers the freedom to move.",
        "Our classes help office workers move without pain.",
        "Ask before you choose a studio.",
        "Plans start at $24, so get started today.",
    )

    assert hits("QC-BARE-VERB", item(body=good), brief=YOGA) == []


@pytest.mark.parametrize(
    ("sentence", "says"),
    [
        ("Discover new origins without guesswork, without the guesswork.", "'without guesswork'"),
        ("Discover new origins without guesswork without the guesswork.", "'without guesswork'"),
        ("Send us a message (send us a message).", "'send us message'"),
    ],
)
def test_a_phrase_said_twice_in_a_sentence_is_a_blocker(sentence, says):
    [message] = hits("QC-REPEATED-PHRASE", item(body=body(sentence)))

    assert says in message and "say it once" in message


def test_parallel_clauses_and_a_phrase_said_once_pass():
    good = body(
        "Discover new origins without guesswork.",
        "One bag at a time, one origin at a time.",
        "Step by step, day after day.",
        "Free shipping for new subscribers and free returns for new subscribers.",
        "Try the Office box, the Office box XL or the Explorer box.",
        "Order before noon, noon orders ship the same day.",
        "Fresh beans: we roast fresh beans daily.",
    )

    assert hits("QC-REPEATED-PHRASE", item(body=good)) == []


def test_a_sentence_said_twice_in_an_item_is_a_blocker():
    [message] = hits("QC-REPEATED-SENTENCE", item(body=body("Questions?", "Ask us anything.", "Questions?")))

    assert "'Questions?' is said 2 times in this item" in message


def test_a_sentence_said_a_third_time_in_the_pack_is_flagged_on_the_third_item():
    posts = [distinct_post(n, "Questions?") for n in range(4)]

    found = [f for f in find(pack(*posts), BRIEF) if f.rule_id == "QC-REPEATED-SENTENCE"]

    assert [f.item_id for f in found] == [posts[2].item_id, posts[3].item_id]
    assert (
        "'Questions?' is said 3 times in the pack (also in Social post 1 · Facebook, Social post 2 · Facebook)"
        in found[0].message
    )


def test_disclaimers_greetings_sign_offs_and_button_labels_may_repeat():
    emails = [
        item(
            "email",
            "email",
            n,
            hook="",
            subject=hook,
            body=f"Hi there,\n\n{text}\n\n— The Northwind Roasters team\n\n{DISCLAIMER}",
            cta=f"Read part {n}",
        )
        for n, (hook, text) in enumerate(DISTINCT[:4])
    ]
    ads = [
        item(
            "ad",
            "facebook",
            4 + n,
            hook="",
            body="",
            headline=hook,
            primary_text=f"{text} {DISCLAIMER}",
            cta="Learn more",
        )
        for n, (hook, text) in enumerate(DISTINCT[3:])
    ]

    assert hits("QC-REPEATED-SENTENCE", *emails, *ads) == []


def test_the_blog_outline_may_note_what_the_posts_say():
    posts = [distinct_post(n, "Roasted the day it ships.") for n in range(2)]
    outline = item(
        "blog_outline",
        None,
        2,
        title="Fresh coffee",
        outline="## Why fresh\n- Roasted the day it ships.\n- No stale beans",
    )

    assert hits("QC-REPEATED-SENTENCE", *posts, outline) == []


@pytest.mark.parametrize(
    ("faulty", "says"),
    [
        (
            item("email", "email", subject="How Northwind Roasters approaches single-origin coffee…"),
            "The subject ends in '…'",
        ),
        (
            item("ad", "facebook", headline="Questions about single-origin coffee…", primary_text=DISCLAIMER),
            "The headline ends in '…'",
        ),
        (
            item(
                "ad",
                "facebook",
                headline="Fresh beans",
                primary_text=f"Roasted to order and shipped in 48...\n\n{DISCLAIMER}",
            ),
            "primary text",
        ),
    ],
)
def test_copy_cut_to_fit_is_a_blocker(faulty, says):
    [message] = hits("QC-CUT-COPY", faulty)

    assert says in message and "write it to fit" in message


def test_copy_written_to_fit_and_a_teaser_hook_pass():
    good = [
        item("email", "email", subject="Fresh beans, roasted the day they ship"),
        item(hook="Guess what we found in Ethiopia…", body=body("A new origin.")),
    ]

    assert hits("QC-CUT-COPY", *good) == []


EMAIL_TODAY = (
    "Hi there,\n\n4.9 stars from 1,200 subscriber reviews."
    " That is not luck: Northwind Roasters was built for home brewers."
    f"\n\n— The Northwind Roasters team\n\n{DISCLAIMER}"
)
EMAIL_FULL = (
    "Hi there,\n\nSupermarket beans are stale by the time you open them. Ours ship within 48 hours of roasting. "
    "Every bag has tasting notes and a brew guide, so you know what to try first.\n\nWarm regards,\n\n"
    f"— The Northwind Roasters team\n\n{DISCLAIMER}"
)


@pytest.mark.parametrize(
    ("faulty", "says"),
    [
        (
            item("email", "email", subject="Proof", preview="Proof, not promises.", body=EMAIL_TODAY),
            "the body has 2 sentences (it needs 3 or more)",
        ),
        (item("email", "email", subject="Proof", body=EMAIL_FULL), "the preview has 0 sentences"),
        (
            item("calendar_entry", "instagram", hook="Meet the team", body="", cta="Questions?"),
            "the body has 0 sentences",
        ),
        (
            item("calendar_entry", "facebook", body=f"Fresh beans.\n\n{DISCLAIMER}"),
            "the body has 1 sentence (it needs 2 or more)",
        ),
        (
            item(
                "blog_outline",
                None,
                title="Fresh coffee at home",
                outline="1. The real problem\n2. What good looks like\n3. The proof\n4. Start",
            ),
            "the outline has headings with fewer than 2 points under them:"
            " 'The real problem', 'What good looks like', 'The proof' and 1 more",
        ),
        (
            item(
                "blog_outline",
                None,
                title="Fresh coffee",
                outline="## Why fresh\n- Roasted to order\n- Shipped in 48 hours",
            ),
            "the outline has 1 section (it needs 4 or more)",
        ),
        (
            item(
                "landing_page",
                None,
                hero="Fresh coffee",
                proof="- 4.9 stars",
                offer="- First bag free",
                faq="Q: Is it too expensive?\nQ: Can I taste it?",
                cta=f"Start. {DISCLAIMER}",
            ),
            "the faq has headings with fewer than 1 points under them",
        ),
    ],
)
def test_a_section_thinner_than_its_kind_needs_is_a_blocker(faulty, says):
    [message] = hits("QC-THIN-SECTION", faulty)

    assert says in message


def test_full_sections_pass():
    outline = "\n\n".join(
        f"## {heading}\n- {heading} in short\n- {heading} in depth\n  1. A numbered point"
        for heading in ("Stale beans", "Good coffee", "Proof", "Start")
    )
    good = [
        item("email", "email", subject="Fresh beans", preview="Roasted the day it ships.", body=EMAIL_FULL),
        item("calendar_entry", "facebook"),
        item("blog_outline", None, title="Fresh coffee at home", outline=outline),
        item(
            "landing_page",
            None,
            hero="Fresh coffee",
            proof="- 4.9 stars",
            offer="- First bag free",
            faq="Q: Is it too expensive?\nA: $24 a bag.",
            cta=f"Start. {DISCLAIMER}",
        ),
    ]

    assert hits("QC-THIN-SECTION", *good) == []


def test_tone_words_and_non_topics_as_hashtags_are_a_blocker():
    found = hits("QC-TONE-HASHTAG", item(hashtags="#ZenStudio #Friendly #Expert #Calm #Portland #OR"), brief=YOGA)

    assert [m.split(":")[0] for m in found] == [
        "Hashtag #Friendly (a tone word)",
        "Hashtag #Expert (a tone word)",
        "Hashtag #Calm (a tone word)",
        "Hashtag #OR (not a topic)",
    ]


def test_topical_hashtags_pass_even_when_a_topic_word_is_also_a_voice_word():
    bakery = BRIEF.model_copy(update={"brand": BRIEF.brand.model_copy(update={"industry": "Fresh pasta shop"})})

    assert (
        hits("QC-TONE-HASHTAG", item(hashtags="#PortlandCoffee #SpecialtyCoffee #PourOver #Fresh"), brief=bakery) == []
    )


def test_a_link_in_an_instagram_caption_is_a_blocker_and_elsewhere_it_is_welcome():
    instagram = item("calendar_entry", "instagram")
    in_bio = item("calendar_entry", "instagram", cta="Your first bag is free: the link is in our bio.")
    facebook = item("calendar_entry", "facebook")

    [message] = hits("QC-CAPTION-LINK", instagram)
    assert "northwindroasters.com" in message and "link in bio" in message
    assert hits("QC-CAPTION-LINK", in_bio, facebook) == []


@pytest.mark.skipif("scheduled_time" not in ContentItem.model_fields, reason="content items carry no posting time yet")
@pytest.mark.parametrize(
    ("at", "flagged"),
    [
        (dt.time(4, 0), True),
        (dt.time(6, 59), True),
        (dt.time(21, 30), True),
        (dt.time(7, 0), False),
        (dt.time(12, 0), False),
        (dt.time(21, 0), False),
    ],
)
def test_a_post_scheduled_while_the_audience_sleeps_is_a_blocker(at, flagged):
    entry = item("calendar_entry", "facebook").model_copy(
        update={"scheduled_on": dt.date(2027, 1, 4), "scheduled_time": at}
    )

    found = hits("QC-POSTING-HOURS", entry)

    assert bool(found) == flagged
    if flagged:
        assert f"2027-01-04 {at.strftime('%H:%M')} {BRIEF.plan.timezone}, outside 07:00-21:00" in found[0]


def test_every_calendar_post_carries_the_required_disclaimer_in_what_is_published():
    missing = item("calendar_entry", "facebook", body="Fresh beans. Roasted to order.")
    only_in_a_note = item("calendar_entry", "facebook", body="Fresh beans. Roasted to order.", format_note=DISCLAIMER)
    present = item("calendar_entry", "facebook")

    assert len(hits("QC-DISCLAIMER", missing)) == 1
    assert len(hits("QC-DISCLAIMER", only_in_a_note)) == 1
    assert hits("QC-DISCLAIMER", present) == []


def test_a_brand_written_exactly_with_emoji_or_accents_is_never_misspelled():
    bakery = BRIEF.model_copy(update={"brand": BRIEF.brand.model_copy(update={"name": "Padaria São Bento"})})
    decomposed = "Padaria Sa\u0303o Bento"

    assert (
        hits(
            "QC-BRAND-SPELLING",
            item(body=body("Zen🧘 Studio opens at 7.", "Zen🧘 Studio's teachers know you.")),
            brief=YOGA,
        )
        == []
    )
    assert (
        hits(
            "QC-BRAND-SPELLING",
            item(body=body(f"{decomposed} bakes at dawn.", "Padaria São Bento, since 1998.")),
            brief=bakery,
        )
        == []
    )
    assert "'Zen Studio'" in hits("QC-BRAND-SPELLING", item(body=body("Zen Studio opens at 7.")), brief=YOGA)[0]


def test_a_pack_with_one_grammar_slip_does_not_pass():
    posts = [distinct_post(n) for n in range(5)] + [distinct_post(5, "A expert grinder service.")]
    findings = find(pack(*posts), BRIEF)

    verdict = score([(str(p.item_id), p.kind.value) for p in posts], findings)

    assert [f.rule_id for f in findings] == ["QC-ARTICLE"]
    assert not verdict.passed and verdict.score >= 90


X_LINK = "https://northwindroasters.com/?utm_source=x&utm_medium=social&utm_campaign=nw-2027-01"
OVER_280 = item(
    platform="x",
    hook="Your coffee is older than you think.",
    body=(
        "Supermarket beans sit in a warehouse for months before they reach the shelf, and by then most of the aroma "
        "has gone. Northwind Roasters roasts to order in Portland and ships within 48 hours, so the bag you open "
        f"still smells of the roaster. {DISCLAIMER}"
    ),
    cta=f"Start a subscription: {X_LINK}",
    hashtags="#SpecialtyCoffee #Portland",
)
WITHIN_280 = item(
    platform="x",
    hook="Your coffee is older than you think.",
    body=f"Roasted to order, shipped within 48 hours. Tasting notes in every bag. {DISCLAIMER}",
    cta=f"Start a subscription: {X_LINK}",
    hashtags="#SpecialtyCoffee #Portland",
)


def test_a_post_over_the_platforms_hard_limit_is_a_blocker_and_the_pack_does_not_pass():
    findings = find(pack(OVER_280), BRIEF)
    verdict = score([(str(OVER_280.item_id), OVER_280.kind.value)], findings)

    [limit] = [f for f in findings if f.rule_id == "QC-PLATFORM-LIMIT"]
    assert len(OVER_280.published_text) > 280 and "x (" in limit.message and "of 280 characters" in limit.message
    assert limit.severity == "BLOCKER" and not verdict.passed


def test_a_post_within_the_limit_counting_its_link_as_23_characters_passes():
    findings = find(pack(WITHIN_280), BRIEF)

    assert hits("QC-PLATFORM-LIMIT", WITHIN_280) == []
    assert score([(str(WITHIN_280.item_id), WITHIN_280.kind.value)], findings).passed, [f.message for f in findings]


def test_an_faq_answer_is_the_same_sentence_as_a_post_says_without_its_mark():
    posts = [distinct_post(n, "A free coffee with every box before 9 am.") for n in range(2)]
    page = item(
        "landing_page", None, 2, hook="", body="", faq="Q: Is it far?\nA: A free coffee with every box before 9 am."
    )

    found = [f for f in find(pack(*posts, page), BRIEF) if f.rule_id == "QC-REPEATED-SENTENCE"]

    assert [f.item_id for f in found] == [page.item_id]


LEDGERLY = example("ledgerly")


def test_a_plural_outcome_followed_by_is_is_a_slip_and_are_is_fine():
    bad = item(hook="Clean audit trails without overtime is closer than you think.")
    good = item(hook="Clean audit trails without overtime are closer than you think.")
    singular = item(hook="A close in five working days is closer than you think.")

    assert "QC-AGREEMENT" in rules_hit(bad, brief=LEDGERLY)
    assert "QC-AGREEMENT" not in rules_hit(good, brief=LEDGERLY)
    assert "QC-AGREEMENT" not in rules_hit(singular, brief=LEDGERLY)


def test_a_plural_phrase_that_is_the_object_of_a_gerund_or_a_preposition_is_no_subject():
    gerund = item(hook="Getting clean audit trails without overtime is easier with a few good questions.")
    object_of = item(hook="The cost of clean audit trails without overtime is lower than you think.")
    after_a_comma = item(hook="Every morning, clean audit trails without overtime is what you get.")

    assert "QC-AGREEMENT" not in rules_hit(gerund, brief=LEDGERLY)
    assert "QC-AGREEMENT" not in rules_hit(object_of, brief=LEDGERLY)
    assert "QC-AGREEMENT" in rules_hit(after_a_comma, brief=LEDGERLY)
