"""A review link is bound to the pack's digest: any change to the copy or its place changes it."""

import datetime as dt

from aicmo.operator.web.portal.pack_digest import pack_digest
from tests.briefs import example
from tests.unit.app import bootstrap_test_app
from tests.unit.qc.packs import item, pack

FIRST, SECOND = item(position=1), item(position=2)
PACK = pack(FIRST, SECOND)


def changed(which, **update):
    return PACK.model_copy(update={"items": [i.model_copy(update=update) if i is which else i for i in PACK.items]})


def test_the_same_pack_in_any_item_order_has_the_same_digest():
    assert pack_digest(PACK) == pack_digest(PACK.model_copy(update={"items": [SECOND, FIRST]}))


def test_an_edited_field_a_new_revision_a_moved_item_or_a_new_date_changes_the_digest():
    digests = {
        pack_digest(PACK),
        pack_digest(changed(FIRST, fields={**FIRST.fields, "hook": "Other words."})),
        pack_digest(changed(FIRST, revision=FIRST.revision + 1)),
        pack_digest(changed(FIRST, position=3)),
        pack_digest(changed(SECOND, scheduled_on=dt.date(2027, 2, 1))),
        pack_digest(changed(SECOND, platform="linkedin")),
    }

    assert len(digests) == 6


def test_another_pack_with_the_same_copy_has_another_digest():
    assert pack_digest(pack(FIRST, SECOND)) != pack_digest(PACK)


def test_an_operators_edit_of_a_stored_pack_changes_its_digest_and_an_edit_changing_nothing_does_not():
    app = bootstrap_test_app()
    record = app.modules.onboarding.capture(example("northwind"), "northwind.yaml")
    stored = app.modules.production.generate_pack(record, app.modules.strategy.generate(record))
    chosen = stored.items[0]

    unchanged = app.modules.production.edit_item(stored.pack_id, chosen.item_id, {"hook": chosen.fields["hook"]})
    edited = app.modules.production.edit_item(stored.pack_id, chosen.item_id, {"hook": "Our own words."})

    assert pack_digest(unchanged) == pack_digest(stored) != pack_digest(edited)
