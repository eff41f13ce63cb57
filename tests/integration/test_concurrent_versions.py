"""Many processes capturing one client's brief at once (parallel runs of one brief file) each
get a version of it, numbered without gaps; so do strategies generated at once for one brief."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from aicmo.orchestration.composition import bootstrap
from tests.briefs import example

pytestmark = pytest.mark.slow

AT_ONCE = 12


def test_concurrent_captures_of_one_client_each_store_a_version(settings):
    with bootstrap(settings, launch_durable=False) as app:
        brief = example("northwind")
        with ThreadPoolExecutor(AT_ONCE) as pool:
            records = list(pool.map(lambda n: app.onboarding.capture(brief, f"{n}.yaml"), range(AT_ONCE)))

    assert len({record.brief_id for record in records}) == 1
    assert sorted(record.version for record in records) == list(range(1, AT_ONCE + 1))


def test_concurrent_strategies_for_one_brief_each_store_a_version(settings):
    with bootstrap(settings, launch_durable=False) as app:
        record = app.onboarding.capture(example("northwind"), "northwind.yaml")
        with ThreadPoolExecutor(AT_ONCE) as pool:
            strategies = list(pool.map(lambda _: app.strategy.generate(record), range(AT_ONCE)))

    assert sorted(strategy.version for strategy in strategies) == list(range(1, AT_ONCE + 1))
