"""The content pack each bundled brief gets, stored by production."""

import datetime as dt
from collections import Counter

import pytest

from aicmo.orchestration.composition import bootstrap
from aicmo.production.api import ContentKind
from tests.briefs import EXAMPLES, example


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    from aicmo.platform.settings import Settings

    made = {}
    with bootstrap(Settings(home=tmp_path_factory.mktemp("packs")), launch_durable=False) as app:
        for name in EXAMPLES:
            record = app.onboarding.capture(example(name), f"{name}.yaml")
            strategy = app.strategy.generate(record)
            pack = app.production.generate_pack(record, strategy)
            made[name] = (record, strategy, pack, app.production.get_pack(pack.pack_id))
    return made


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_pack_is_stored_and_read_back_whole(packs, name):
    _, _, pack, stored = packs[name]

    assert stored == pack


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_calendar_has_one_entry_per_day_from_the_start_date(packs, name):
    record, _, pack, _ = packs[name]
    calendar = pack.of_kind(ContentKind.CALENDAR_ENTRY)

    start = record.brief.plan.start_date
    assert [item.scheduled_on for item in calendar] == [start + dt.timedelta(days=d) for d in range(30)]
    for item in calendar:
        assert {"pillar", "hook", "body", "cta", "hashtags"} <= set(item.fields)


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_two_hooks_alike_in_a_pack(packs, name):
    hooks = [item.fields["hook"].casefold() for item in packs[name][2].items if "hook" in item.fields]

    assert [hook for hook, count in Counter(hooks).items() if count > 1] == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_only_the_deliverables_asked_for_are_made(packs, name):
    record, _, pack, _ = packs[name]
    asked = {d.value for d in record.brief.plan.deliverables}
    kinds = {item.kind for item in pack.items}

    assert (ContentKind.EMAIL in kinds) == ("email_sequence" in asked)
    assert (ContentKind.BLOG_OUTLINE in kinds) == ("blog_outline" in asked)
    assert (ContentKind.CALENDAR_ENTRY in kinds) == ("calendar_30d" in asked)


def test_ads_posts_emails_and_landing_page_have_their_form(packs):
    record, strategy, pack, _ = packs["northwind"]
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
    record, strategy, pack, _ = packs[name]

    assert {(i.brief_version_id, i.strategy_version_id) for i in pack.items} == {(record.version_id, strategy.version_id)}


def test_unicode_names_survive_storage(packs):
    record, strategy, pack, _ = packs["sao-bento-bakery"]

    assert record.client_name == strategy.client_name == pack.client_name == "Padaria São Bento"
