"""A whole content pack written by the openai writer against a scripted model server: first
drafts asked several at once, then only the drafts that echo another item asked again;
every item records who wrote it and with which prompt; a revision rewrites its items at once."""

from __future__ import annotations

from collections import Counter

import pytest

from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings
from stand_ins.model_server import ModelServer, Script
from tests.briefs import example

REWORDED = "An earlier item of the pack said much the same"


@pytest.fixture
def server():
    with ModelServer(Script(latency=0.2)) as running:
        yield running


@pytest.fixture
def app(tmp_path, server):
    settings = Settings(
        home=tmp_path / "home",
        writer="openai",
        llm_model="gpt-4o-mini",
        llm_base_url=server.base_url,
        llm_api_key="test-key",
        llm_concurrency=4,
    )
    with bootstrap(settings, launch_durable=False) as application:
        yield application


@pytest.fixture
def written(app):
    record = app.onboarding.capture(example("northwind"), "northwind.yaml")
    strategy = app.strategy.generate(record)
    return record, strategy, app.production.generate_pack(record, strategy, key="run-1:generate_pack:1")


def _item(call) -> str:
    """The ledger's item without its wording number: kind, platform and place."""
    return call.item.rsplit(":", 1)[0]


def test_the_first_drafts_are_asked_at_once_and_only_the_echoes_again(app, server, written):
    _, _, pack = written
    calls = app.model_usage.calls("run-1")
    first, again = server.seen[: len(pack.items)], server.seen[len(pack.items) :]

    assert server.max_in_flight == 4
    assert all(REWORDED not in seen.prompt for seen in first), "no first draft waits for another"
    assert again and all(REWORDED in s.prompt and "Do not use any of these sentences" in s.prompt for s in again)
    assert len(calls) == len(pack.items) + len(again)
    assert max(Counter(_item(call) for call in calls).values()) == 2, "an item is asked at most twice in a step"


def test_every_item_records_its_writer_and_prompt_version(written):
    _, _, pack = written

    assert {item.writer for item in pack.items} == {"openai:gpt-4o-mini"}
    assert all(item.prompt_version and item.prompt_version.startswith("system.v") for item in pack.items)
    assert not any(item.fallback_reason for item in pack.items)


def test_a_revision_rewrites_its_items_at_once(app, server, written):
    record, strategy, pack = written
    emails = [item for item in pack.items if item.kind == "email"]
    server.max_in_flight = 0
    before = len(server.seen)

    notes = {item.item_id: ["Mention the Ethiopian lot"] for item in emails}
    revised = app.production.revise(record, strategy, pack.pack_id, notes, key="run-1:revise_pack:1")

    rewrites = server.seen[before:]
    assert server.max_in_flight == 4
    assert len(rewrites) >= len(emails) and all("- Mention the Ethiopian lot" in seen.prompt for seen in rewrites)
    assert [item.revision for item in revised.items if item.kind == "email"] == [2] * len(emails)
