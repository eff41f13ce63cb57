"""The content pack each bundled brief gets: its calendar, posts, emails, ads and landing page, on fakes."""

import datetime as dt
import itertools
import re
from collections import Counter

import pytest

from aicmo.platform.templating import sentence_key, sentences
from aicmo.production.api import ContentKind
from aicmo.production.api.dtos import PLANNING_FIELDS
from tests.briefs import EXAMPLES, example
from tests.unit.app import bootstrap_test_app


@pytest.fixture(scope="module")
def packs():
    app = bootstrap_test_app()
    made = {}
    for name in EXAMPLES:
        record = app.modules.onboarding.capture(example(name), f"{name}.yaml")
        strategy = app.modules.strategy.generate(record)
        made[name] = (record, strategy, app.modules.production.generate_pack(record, strategy))
    return made


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_calendar_has_30_full_posts_on_the_channels_of_the_plan_at_local_daytime_hours(packs, name):
    record, strategy, pack = packs[name]
    calendar = pack.of_kind(ContentKind.CALENDAR_ENTRY)
    planned = {c.platform for c in strategy.channels if c.share_percent > 0 and c.cadence_per_week > 0}

    assert len(calendar) == 30
    assert {item.platform for item in calendar} == planned
    start = record.brief.plan.start_date
    for item in calendar:
        assert start <= item.scheduled_on < start + dt.timedelta(days=30)
        assert dt.time(7) <= item.scheduled_time <= dt.time(21)
        assert {"pillar", "hook", "body", "cta"} <= set(item.fields)
        assert 2 <= len(sentences(item.fields["body"].split("\n\n")[0])) <= 4
        for disclaimer in record.brief.voice.required_disclaimers:
            assert disclaimer in item.fields["body"]


def test_email_sends_are_in_the_calendar_when_the_plan_gives_email_budget(packs):
    _, strategy, pack = packs["northwind"]
    email = next(c for c in strategy.channels if c.platform == "email")
    sends = [item for item in pack.of_kind(ContentKind.CALENDAR_ENTRY) if item.platform == "email"]

    assert email.share_percent > 0 and len(sends) >= email.cadence_per_week * 4


def test_a_b2b_calendar_posts_on_weekdays_only(packs):
    calendar = packs["ledgerly"][2].of_kind(ContentKind.CALENDAR_ENTRY)

    assert [item.scheduled_on for item in calendar if item.scheduled_on.weekday() >= 5] == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_posts_carry_topical_hashtags_and_links_only_off_instagram(packs, name):
    record, _, pack = packs[name]
    tone = {w.casefold() for w in [*record.brief.voice.tone, *record.brief.voice.adjectives]}

    for item in [*pack.of_kind(ContentKind.CALENDAR_ENTRY), *pack.of_kind(ContentKind.SOCIAL_POST)]:
        if item.platform == "email":
            continue
        tags = item.fields["hashtags"].split()
        assert 3 <= len(tags) <= 6 and not {t.lstrip("#").casefold() for t in tags} & tone
        if item.platform == "instagram":
            assert "http" not in item.published_text
        elif record.brief.brand.website:
            assert "utm_source=" in item.fields["cta"]


def only_brief_words(sentence: str, record) -> bool:
    """A line that is nothing but the client's own words (a pain point, a quote, a disclaimer)."""
    facts = [f["text"] for f in _facts(record.facts.model_dump())] + record.brief.voice.required_disclaimers
    return any(re.fullmatch(rf"[\W]*{re.escape(fact)}[\W]*", sentence, re.IGNORECASE) for fact in facts)


def _facts(value):
    if isinstance(value, dict):
        return [value] if "form" in value else [f for v in value.values() for f in _facts(v)]
    if isinstance(value, list):
        return [f for v in value for f in _facts(v)]
    return []


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_sentence_more_than_twice_no_hook_recycled_no_banned_word(packs, name):
    record, _, pack = packs[name]
    said = Counter(
        sentence_key(s)
        for item in pack.items
        for field, text in item.fields.items()
        if field not in PLANNING_FIELDS and field not in ("hashtags", "signoff")
        for s in sentences(text)
        if not only_brief_words(s, record) and len(s.split()) >= 3
    )

    assert [s for s, n in said.items() if n > 2] == [], (
        "a sentence is said more than twice (one sender signs every email)"
    )
    text = "\n".join(item.published_text for item in pack.items).casefold()
    assert "(part " not in text
    for word in record.brief.voice.banned_words:
        assert word.casefold() not in text


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_two_hooks_alike_in_a_pack(packs, name):
    hooks = [item.fields["hook"].casefold() for item in packs[name][2].items if "hook" in item.fields]

    assert [hook for hook, count in Counter(hooks).items() if count > 1] == []


@pytest.mark.parametrize("name", [n for n in EXAMPLES if example(n).offer.current_offers])
def test_the_current_offer_is_the_reason_to_act_now_in_ads_and_emails(packs, name):
    record, _, pack = packs[name]
    offer = record.brief.offer.current_offers.casefold()

    least = {ContentKind.EMAIL: 1, ContentKind.AD: 2, ContentKind.CALENDAR_ENTRY: 1}

    for kind, items in ((kind, pack.of_kind(kind)) for kind in least):
        assert not items or sum(offer in item.published_text.casefold() for item in items) >= least[kind], kind


def test_an_item_selling_one_offer_promises_no_outcome_that_belongs_to_another(packs):
    _, _, pack = packs["northwind"]
    office_box_only = [
        item.published_text
        for item in pack.items
        if "Office box" in item.published_text and "Explorer" not in item.published_text
    ]

    assert office_box_only
    assert [text for text in office_box_only if "new origins" in text] == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_only_the_deliverables_asked_for_are_made(packs, name):
    record, _, pack = packs[name]
    asked = {d.value for d in record.brief.plan.deliverables}
    kinds = {item.kind for item in pack.items}

    assert (ContentKind.EMAIL in kinds) == ("email_sequence" in asked)
    assert (ContentKind.BLOG_OUTLINE in kinds) == ("blog_outline" in asked)
    assert (ContentKind.CALENDAR_ENTRY in kinds) == ("calendar_30d" in asked)


def test_ads_posts_emails_and_landing_page_have_their_form(packs):
    record, strategy, pack = packs["northwind"]
    social = [c.platform for c in strategy.channels if c.platform != "email"]

    ads = Counter(item.platform for item in pack.of_kind(ContentKind.AD))
    assert all(ads[platform] >= 3 for platform in social)
    emails = pack.of_kind(ContentKind.EMAIL)
    assert len(emails) == 5 and all(len(e.fields["subject"]) <= 60 and e.fields["preview"] for e in emails)
    [landing] = pack.of_kind(ContentKind.LANDING_PAGE)
    for objection in record.brief.audience.objections:
        assert objection in landing.fields["faq"]
    disclaimer = record.brief.voice.required_disclaimers[0]
    for item in [*pack.of_kind(ContentKind.AD), *emails, landing]:
        assert disclaimer in item.text


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_item_records_the_versions_it_came_from(packs, name):
    record, strategy, pack = packs[name]

    assert {(i.brief_version_id, i.strategy_version_id) for i in pack.items} == {
        (record.version_id, strategy.version_id)
    }


def test_a_banned_product_word_is_left_out_of_every_item():
    app = bootstrap_test_app()
    brief = example("northwind")
    brief = brief.model_copy(update={"voice": brief.voice.model_copy(update={"banned_words": ["coffee"]})})
    record = app.modules.onboarding.capture(brief, "northwind.yaml")
    pack = app.modules.production.generate_pack(record, app.modules.strategy.generate(record))

    assert [item.kind for item in pack.items if "coffee" in item.text.casefold()] == []
    assert len(pack.of_kind(ContentKind.CALENDAR_ENTRY)) == 30


def test_no_two_clients_packs_share_more_than_a_quarter_of_their_sentence_skeletons(packs):
    """Every ordered pair of bundled briefs: a small pack (the bakery's) read against a large one (the roaster's)
    is the pair that reads most alike."""
    from bench.sameness import GOAL_SHARE, brief_values, published_sentences, skeleton

    def skeletons(name: str) -> set[str]:
        record, _, pack = packs[name]
        values = brief_values(record)
        return {s for s in (skeleton(line, values) for line in published_sentences(pack)) if s}

    by_name = {name: skeletons(name) for name in EXAMPLES}
    shares = {
        f"{a} in {b}": round(len(by_name[a] & by_name[b]) / len(by_name[a]), 3)
        for a, b in itertools.permutations(EXAMPLES, 2)
    }

    assert {pair: share for pair, share in shares.items() if share > GOAL_SHARE} == {}


def test_the_template_writer_writes_the_same_pack_again_from_the_same_brief(packs):
    record, strategy, pack = packs["northwind"]

    again = bootstrap_test_app().modules.production.generate_pack(record, strategy)

    assert [item.fields for item in again.items] == [item.fields for item in pack.items]
    assert {item.writer for item in again.items} == {"template"}
    assert not any(item.prompt_version for item in again.items)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_first_draft_passes_qc_without_a_revision(packs, name):
    """A sentence never starts in lower case where a fact follows a full stop, and no fact is said too often."""
    record, _, pack = packs[name]
    app = bootstrap_test_app()

    report = app.modules.qc.evaluate(pack, record.brief)

    assert [finding.message for finding in report.findings] == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_pack_rewritten_whole_after_a_comment_passes_qc_as_the_first_one_did(name):
    """A free-text comment makes the template writer reword every item: the landing page's
    proof bullets come from the brief as they are, so it is rewritten first again, and the
    other items say the proof no more often than the pack allows."""
    app = bootstrap_test_app()
    record = app.modules.onboarding.capture(example(name), f"{name}.yaml")
    strategy = app.modules.strategy.generate(record)
    pack = app.modules.production.generate_pack(record, strategy)
    notes = {item.item_id: ["Warmer please"] for item in pack.items}

    revised = app.modules.production.revise(record, strategy, pack.pack_id, notes)
    report = app.modules.qc.evaluate(revised, record.brief)

    assert {item.revision for item in revised.items} == {2}
    assert [finding.message for finding in report.findings if finding.severity == "BLOCKER"] == []


def test_ads_target_where_the_client_sells_and_otherwise_around_its_locations(packs):
    """Northwind ships across the United States (its `constraints.geography`) from Portland."""
    audiences = {name: {ad.fields["audience"] for ad in packs[name][2].of_kind(ContentKind.AD)} for name in packs}

    assert all("location: United States" in audience for audience in audiences["northwind"])
    assert not any("Portland" in audience for audience in audiences["northwind"])
    assert all("around Berlin and London" in audience for audience in audiences["ledgerly"])
