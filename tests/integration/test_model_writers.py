"""The openai and anthropic writers against a scripted model server on loopback, with the
ledger in a real database: structured answers, a second chance, retries, paying once, the
budget, and usage counted the same way for both providers. The writer's rules alone (the
fallback, a failed item) are tested in memory in tests/unit/creatives/test_model_writer.py."""

from __future__ import annotations

import pytest

from aicmo.creatives.internal.bootstrap import ModelSettings, bootstrap_creatives, bootstrap_model_usage
from aicmo.kernel.clock import SystemClock
from aicmo.kernel.errors import BudgetExceeded, ChannelUnavailable
from aicmo.orchestration.composition import open_database
from stand_ins.model_server import ModelServer, Script
from tests.writer_specs import EMAIL, FACTS


@pytest.fixture
def db(sqlite_settings):
    database = open_database(sqlite_settings)
    yield database
    database.dispose()


@pytest.fixture(params=["openai", "anthropic"])
def provider(request) -> str:
    return request.param


def _writer(
    db,
    server: ModelServer,
    provider: str,
    *,
    model: str = "local-model",
    fallback: bool = False,
    max_cost: float | None = None,
):
    settings = ModelSettings(
        provider=provider,
        model=model,
        api_key="test-key",
        base_url=server.base_url if provider == "openai" else server.root_url,
        timeout_seconds=10,
        max_cost_per_run=max_cost,
        fallback_to_template=fallback,
    )
    return bootstrap_creatives(db, SystemClock(), settings)


def test_a_valid_answer_becomes_the_section_with_its_prompt_version_and_a_ledger_line(db, provider):
    with ModelServer() as server:
        written = _writer(db, server, provider).write(EMAIL, FACTS)

    assert set(written.fields) == {"subject", "preview", "greeting", "body", "cta", "signoff"}
    assert len(written.fields["subject"]) <= 60
    assert written.fields["body"].endswith("Free bag for new subscribers only.")
    assert written.writer == f"{provider}:local-model" and written.prompt_version == "system.v2+task.v2+email.v2"
    [call] = bootstrap_model_usage(db, SystemClock()).calls("run-1")
    assert (call.step, call.item, call.round, call.outcome, call.provider) == (
        "generate_pack",
        "email:email:0:0",
        0,
        "ok",
        provider,
    )
    assert call.input_tokens > 0 and call.output_tokens > 0 and call.cost_usd == 0.0


def test_the_schema_and_the_brand_guide_reach_the_model_stable_part_first(db, provider):
    with ModelServer() as server:
        _writer(db, server, provider).write(EMAIL, FACTS)
    [seen] = server.seen

    if provider == "openai":
        assert seen.body["response_format"]["type"] == "json_schema"
        assert (
            seen.body["messages"][0]["role"] == "system"
            and "Brand guide: Northwind Roasters" in seen.body["messages"][0]["content"]
        )
    else:
        assert seen.body["tool_choice"] == {"type": "tool", "name": "write_section"}
        assert seen.body["system"][1]["cache_control"] == {"type": "ephemeral"}
        assert "Brand guide: Northwind Roasters" in seen.body["system"][1]["text"]
    assert "Banned words: cheap" in seen.prompt and "Rated 4.9 from 310 Google reviews" in seen.prompt
    assert "Cheap beans taste the same" not in seen.prompt, "a fact holding a banned word is not built on"
    assert seen.body["max_tokens"] == 1024, "an answer is bounded, whatever the server's own default"


def test_cache_counters_are_normalised_so_input_excludes_cached_tokens(db, provider):
    with ModelServer(Script(cached_tokens=40)) as server:
        _writer(db, server, provider).write(EMAIL, FACTS)
    [call] = bootstrap_model_usage(db, SystemClock()).calls("run-1")

    assert call.cache_read_tokens == 40
    if provider == "openai":
        prompt_tokens = (
            len(server.seen[0].body["messages"][0]["content"] + server.seen[0].body["messages"][1]["content"]) // 4
        )
        assert call.input_tokens == prompt_tokens - 40
    else:
        assert call.input_tokens == 100


@pytest.mark.parametrize("bad", ["prose", "empty", "banned", "too_long"])
def test_an_unusable_answer_gets_a_second_chance_that_names_what_was_wrong(db, provider, bad):
    with ModelServer(Script(steps=[bad])) as server:
        written = _writer(db, server, provider).write(EMAIL, FACTS)

    assert len(server.seen) == 2
    assert "Your previous answer was rejected" in server.seen[1].prompt
    assert "cheap" not in " ".join(written.fields.values()) and written.fallback_reason is None
    outcomes = [call.outcome for call in bootstrap_model_usage(db, SystemClock()).calls("run-1")]
    assert outcomes == ["invalid", "ok"]


def test_a_rate_limited_call_waits_as_told_and_is_retried(db, provider):
    with ModelServer(Script(steps=["429:1"])) as server:
        _writer(db, server, provider).write(EMAIL, FACTS)
    [call] = bootstrap_model_usage(db, SystemClock()).calls("run-1")

    assert len(server.seen) == 2 and call.retries == 1 and call.latency_ms >= 1000


def test_a_server_that_keeps_failing_ends_the_item_with_the_setting_to_check(db, provider, monkeypatch):
    monkeypatch.setattr("aicmo.creatives.internal.llm.retrying._BACKOFF", lambda _state: 0)
    with ModelServer(Script(default="500")) as server, pytest.raises(ChannelUnavailable) as failure:
        _writer(db, server, provider).write(EMAIL, FACTS)

    assert len(server.seen) == 4 and "AICMO_LLM_BASE_URL" in str(failure.value)
    assert [c.outcome for c in bootstrap_model_usage(db, SystemClock()).calls("run-1")] == ["failed"]


def test_a_refused_key_names_the_setting_without_retrying(db, provider):
    with ModelServer(Script(default="401")) as server, pytest.raises(ChannelUnavailable) as failure:
        _writer(db, server, provider).write(EMAIL, FACTS)

    assert len(server.seen) == 1 and "AICMO_LLM_API_KEY" in str(failure.value)


def test_a_step_asked_again_reuses_the_answer_it_paid_for(db, provider):
    with ModelServer() as server:
        first = _writer(db, server, provider).write(EMAIL, FACTS)
        again = _writer(db, server, provider).write(EMAIL, FACTS)
        other_run = _writer(db, server, provider).write(
            EMAIL.model_copy(update={"request_key": "run-2:generate_pack:1"}), FACTS
        )

    assert first.fields == again.fields and other_run.fields != first.fields
    assert len(server.seen) == 2, "the same step asked again is not charged; another run is"
    assert len(bootstrap_model_usage(db, SystemClock()).calls("run-1")) == 1


def test_a_run_that_reaches_its_budget_stops_before_the_next_call(db, provider):
    model = "gpt-4o" if provider == "openai" else "claude-sonnet-4-6"
    with ModelServer(Script(models=[model])) as server:
        writer = _writer(db, server, provider, model=model, max_cost=0.0001)
        writer.write(EMAIL, FACTS)
        with pytest.raises(BudgetExceeded) as stop:
            writer.write(EMAIL.model_copy(update={"index": 1}), FACTS)

    assert len(server.seen) == 1
    assert "AICMO_LLM_MAX_COST_PER_RUN" in str(stop.value) and "generate_pack" in str(stop.value)
    [line] = bootstrap_model_usage(db, SystemClock()).costs(client="Northwind Roasters")
    assert line.calls == 1 and line.cost_usd > 0.0001
