"""The content pack each bundled brief gets, stored by production and read back from the database."""

import pytest

from aicmo.orchestration.composition import bootstrap
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


def test_unicode_names_survive_storage(packs):
    record, strategy, pack, _ = packs["sao-bento-bakery"]

    assert record.client_name == strategy.client_name == pack.client_name == "Padaria São Bento"
