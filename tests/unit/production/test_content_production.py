"""Production's use cases booted on a fake unit of work: packs generated, revised, read and discarded, no database."""

import pytest

from aicmo.kernel.errors import Conflict, InvalidInput, NotFound
from aicmo.production.api import ContentKind, PackId, PackStatus
from aicmo.production.internal.item_fields import HASHTAGS_ARE, required_fields
from tests.briefs import example
from tests.fakes import FakeWriter
from tests.unit.app import bootstrap_test_app


def planned(app, name="northwind"):
    record = app.modules.onboarding.capture(example(name), f"{name}.yaml")
    return record, app.modules.strategy.generate(record)


def generated(app):
    return app.modules.production.generate_pack(*planned(app))


def test_a_generated_pack_is_stored_and_its_draft_published_with_it():
    app = bootstrap_test_app()
    record, strategy = planned(app)

    pack = app.modules.production.generate_pack(record, strategy)

    assert pack.status == PackStatus.DRAFT and pack.client_name == record.client_name
    assert app.modules.production.get_pack(pack.pack_id) == pack
    [draft] = app.production.published
    assert draft.event_type() == "DraftReady" and draft.item_count == len(pack.items)


def test_the_same_key_returns_the_first_pack_without_writing_again():
    writer = FakeWriter()
    app = bootstrap_test_app(writer=writer)
    record, strategy = planned(app)
    first = app.modules.production.generate_pack(record, strategy, key="run-1:generate_pack:1")
    writer.flaw = "Written twice."

    again = app.modules.production.generate_pack(record, strategy, key="run-1:generate_pack:1")

    assert again == first
    assert app.production.published_types() == ["DraftReady"]


def test_a_revision_rewrites_only_the_noted_items_and_drops_the_flaw():
    app = bootstrap_test_app(writer=FakeWriter(flaw="Guaranteed."))
    record, strategy = planned(app)
    pack = app.modules.production.generate_pack(record, strategy)
    flawed = [item for item in pack.items if item.fields.get("body", "").endswith("Guaranteed.")]

    revised = app.modules.production.revise(
        record, strategy, pack.pack_id, {item.item_id: ["QC-UNSUPPORTED-CLAIM"] for item in flawed}
    )

    noted = {item.item_id for item in flawed}
    assert noted and {item.item_id for item in revised.items if item.revision == 2} == noted
    assert not any(item.fields.get("body", "").endswith("Guaranteed.") for item in revised.items)
    assert app.modules.production.get_pack(pack.pack_id) == revised
    assert app.production.published_types() == ["DraftReady", "ContentRevised"]


def test_a_revision_under_a_key_already_applied_changes_nothing():
    app = bootstrap_test_app()
    record, strategy = planned(app)
    pack = app.modules.production.generate_pack(record, strategy)
    notes = {pack.items[0].item_id: ["Shorter, please"]}
    once = app.modules.production.revise(record, strategy, pack.pack_id, notes, key="run-1:revise_pack:1")

    twice = app.modules.production.revise(record, strategy, pack.pack_id, notes, key="run-1:revise_pack:1")

    assert twice == once and twice.items[0].revision == 2
    assert app.production.published_types() == ["DraftReady", "ContentRevised"]


def test_a_discarded_pack_stays_discarded_and_cannot_be_revised():
    app = bootstrap_test_app()
    record, strategy = planned(app)
    pack = app.modules.production.generate_pack(record, strategy)

    app.modules.production.discard(pack.pack_id)
    app.modules.production.discard(pack.pack_id)
    app.modules.production.discard(PackId.new())

    assert app.modules.production.get_pack(pack.pack_id).status == PackStatus.DISCARDED
    with pytest.raises(Conflict, match="was discarded; generate a new one"):
        app.modules.production.revise(record, strategy, pack.pack_id, {pack.items[0].item_id: ["again"]})


def test_an_unknown_pack_is_not_found():
    app = bootstrap_test_app()
    record, strategy = planned(app)

    with pytest.raises(NotFound, match="no content pack"):
        app.modules.production.get_pack(PackId.new())
    with pytest.raises(NotFound, match="no content pack"):
        app.modules.production.revise(record, strategy, PackId.new(), {})


def test_an_operators_edit_replaces_the_named_fields_moves_the_revision_on_and_is_published():
    app = bootstrap_test_app()
    pack = generated(app)
    chosen = pack.items[3]

    edited = app.modules.production.edit_item(pack.pack_id, chosen.item_id, {"hook": "  Our own words.\r\nTwo lines. "})

    [item] = [i for i in edited.items if i.item_id == chosen.item_id]
    assert item.fields == {**chosen.fields, "hook": "Our own words.\nTwo lines."}
    assert (item.revision, item.writer) == (chosen.revision + 1, "operator")
    assert [i for i in edited.items if i.item_id != chosen.item_id] == [i for i in pack.items if i != chosen]
    assert app.production.published_types() == ["DraftReady", "ContentRevised"]


def test_an_edit_naming_a_wrong_field_or_emptying_the_item_is_refused_field_by_field_and_changes_nothing():
    app = bootstrap_test_app()
    pack = generated(app)
    chosen = pack.items[0]

    with pytest.raises(InvalidInput) as unknown:
        app.modules.production.edit_item(pack.pack_id, chosen.item_id, {"headline2": "x", "hook": "a\x1bb"})
    with pytest.raises(InvalidInput) as emptied:
        app.modules.production.edit_item(pack.pack_id, chosen.item_id, dict.fromkeys(chosen.fields, " "))

    assert [p.field for p in unknown.value.problems] == ["fields.headline2", "fields.hook"]
    assert "control character" in unknown.value.problems[1].message
    assert {p.field for p in emptied.value.problems} == {f"fields.{name}" for name in required_fields(chosen.kind)}
    assert app.modules.production.get_pack(pack.pack_id) == pack


def test_an_edit_emptying_a_posts_body_or_writing_other_words_as_hashtags_is_refused_beside_the_field():
    app = bootstrap_test_app()
    pack = generated(app)
    post = pack.of_kind(ContentKind.SOCIAL_POST)[0]

    with pytest.raises(InvalidInput) as refused:
        app.modules.production.edit_item(
            pack.pack_id, post.item_id, {"body": " \r\n", "hashtags": "not a hashtag list at all <b>x</b>"}
        )

    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("fields.body", "write the body: every item of this kind has one, or request changes"),
        ("fields.hashtags", f"7 words are not hashtags: 'not'; 'a'; 'hashtag'; and 4 more. {HASHTAGS_ARE}"),
    ]
    assert app.modules.production.get_pack(pack.pack_id) == pack


def test_edited_hashtags_name_every_wrong_word_and_the_fix_when_only_a_stray_mark_is_wrong():
    app = bootstrap_test_app()
    pack = generated(app)
    post = pack.of_kind(ContentKind.SOCIAL_POST)[0]

    with pytest.raises(InvalidInput) as refused:
        app.modules.production.edit_item(pack.pack_id, post.item_id, {"hashtags": "coffee, #with space ##double #ok"})
    with pytest.raises(InvalidInput) as one:
        app.modules.production.edit_item(pack.pack_id, post.item_id, {"hashtags": "#Coffee #Lisbon,"})

    assert [p.message for p in refused.value.problems] == [
        f"3 words are not hashtags: 'coffee,' — write #coffee; 'space'; '##double' — write #double. {HASHTAGS_ARE}"
    ]
    assert [p.message for p in one.value.problems] == [f"not a hashtag: '#Lisbon,' — write #Lisbon. {HASHTAGS_ARE}"]
    assert app.modules.production.get_pack(pack.pack_id) == pack


def test_an_edit_may_empty_the_hashtags_or_write_its_own_one_space_apart():
    app = bootstrap_test_app()
    pack = generated(app)
    post, other = pack.of_kind(ContentKind.SOCIAL_POST)[:2]

    app.modules.production.edit_item(pack.pack_id, post.item_id, {"hashtags": ""})
    edited = app.modules.production.edit_item(pack.pack_id, other.item_id, {"hashtags": " #Coffee\r\n  #Lisboa2027 "})

    fields = {item.item_id: item.fields for item in edited.items}
    assert fields[post.item_id]["hashtags"] == "" and fields[other.item_id]["hashtags"] == "#Coffee #Lisboa2027"


def test_an_edit_typing_the_same_words_again_keeps_the_revision_and_publishes_nothing():
    app = bootstrap_test_app()
    pack = generated(app)
    chosen = pack.items[2]

    same = app.modules.production.edit_item(pack.pack_id, chosen.item_id, {"hook": f"  {chosen.fields['hook']}\r\n"})

    assert same == pack and app.production.published_types() == ["DraftReady"]


def test_an_edit_longer_than_ten_thousand_characters_is_refused_with_its_length():
    app = bootstrap_test_app()
    pack = generated(app)
    chosen = pack.items[0]

    with pytest.raises(InvalidInput) as refused:
        app.modules.production.edit_item(pack.pack_id, chosen.item_id, {"hook": "x" * 10_001})

    [problem] = refused.value.problems
    assert (problem.field, problem.message) == ("fields.hook", "is 10,001 characters long: keep it under 10,000")
    assert app.modules.production.get_pack(pack.pack_id) == pack
