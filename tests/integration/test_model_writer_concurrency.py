"""A model writer writes a step's sections several at once, up to its concurrency, returns
them in the order asked, and stops asking after the first failure."""

from __future__ import annotations

import pytest

from aicmo.creatives.api import SectionSpec
from aicmo.creatives.internal.bootstrap import ModelSettings, bootstrap_creatives, bootstrap_model_usage
from aicmo.kernel.clock import SystemClock
from aicmo.kernel.errors import ChannelUnavailable
from aicmo.orchestration.composition import open_database
from stand_ins.model_server import ModelServer, Script
from tests.integration.test_model_writers import FACTS

KEY_FIELD = {"email": "subject", "social_post": "hook", "ad": "headline", "calendar_entry": "pillar"}
KINDS = ["email", "social_post", "ad", "calendar_entry"]
SPECS = [
    SectionSpec(kind=KINDS[n % 4], platform="instagram", index=n, request_key="run-1:generate_pack:1") for n in range(8)
]


@pytest.fixture
def db(sqlite_settings):
    database = open_database(sqlite_settings)
    yield database
    database.dispose()


@pytest.fixture(params=["openai", "anthropic"])
def provider(request) -> str:
    return request.param


def _writer(db, server: ModelServer, provider: str, concurrency: int):
    settings = ModelSettings(
        provider=provider,
        model="local-model",
        api_key="test-key",
        base_url=server.base_url if provider == "openai" else server.root_url,
        timeout_seconds=30,
        max_cost_per_run=None,
        fallback_to_template=False,
        concurrency=concurrency,
    )
    return bootstrap_creatives(db, SystemClock(), settings)


def test_eight_sections_at_concurrency_four_keep_four_in_flight_and_come_back_in_order(db, provider):
    with ModelServer(Script(latency=1.0)) as server:
        written = _writer(db, server, provider, concurrency=4).write_all(SPECS, FACTS)

    assert server.max_in_flight == 4
    assert all(KEY_FIELD[spec.kind] in section.fields for spec, section in zip(SPECS, written, strict=True))
    calls = bootstrap_model_usage(db, SystemClock()).calls("run-1")
    assert sorted(call.item for call in calls) == sorted(f"{spec.kind}:instagram:{spec.index}:0" for spec in SPECS)
    assert {call.outcome for call in calls} == {"ok"}


def test_concurrency_one_asks_one_section_at_a_time(db):
    with ModelServer(Script(latency=0.2)) as server:
        _writer(db, server, "openai", concurrency=1).write_all(SPECS[:3], FACTS)

    assert server.max_in_flight == 1 and len(server.seen) == 3


def test_the_first_failure_is_raised_once_the_calls_in_flight_have_ended_and_the_rest_are_never_asked(db, provider):
    with ModelServer(Script(steps=["401"], latency=1.0)) as server, pytest.raises(ChannelUnavailable) as failure:
        try:
            _writer(db, server, provider, concurrency=2).write_all(SPECS, FACTS)
        finally:
            recorded = bootstrap_model_usage(db, SystemClock()).calls("run-1")

    assert "AICMO_LLM_API_KEY" in str(failure.value)
    assert len(server.seen) < len(SPECS), "sections not yet started are not asked for"
    assert len(recorded) == len(server.seen), "every call in flight ended and was charged before the failure was raised"
