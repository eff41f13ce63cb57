"""The model writer's rules, on a ledger and a model client in memory: each answer is paid
for once, a run stops at its budget, an unusable answer gets a second chance and then the
template writer stands in (or the item fails with the setting that allows it)."""

from __future__ import annotations

import pytest

from aicmo.creatives.internal.llm.model_client import TransientModelError
from aicmo.creatives.internal.llm.model_writer import ModelWriter
from aicmo.creatives.internal.template_writer import TemplateWriter
from aicmo.kernel.clock import FixedClock
from aicmo.kernel.errors import BudgetExceeded, ChannelUnavailable, WriterFailed
from tests.fakes.ledger import FakeLedger
from tests.fakes.model_client import FakeModelClient
from tests.unit.app import START
from tests.writer_specs import EMAIL, FACTS

PROSE = "Here is a lovely email for your brand!"


def writer(client: FakeModelClient, ledger: FakeLedger, *, max_cost: float | None = None, fallback: bool = False):
    return ModelWriter(
        client,
        ledger,
        FixedClock(START),
        max_cost_per_run=max_cost,
        fallback=TemplateWriter() if fallback else None,
    )


def test_an_answer_is_charged_to_its_run_and_step_and_kept():
    client, ledger = FakeModelClient(), FakeLedger()

    written = writer(client, ledger).write(EMAIL, FACTS)

    assert written.writer == "openai:gpt-4o-mini" and written.fields["body"].endswith(
        "Free bag for new subscribers only."
    )
    [call] = ledger.calls
    assert (call.run, call.step, call.item, call.outcome) == ("run-1", "generate_pack", "email:email:0:0", "ok")
    assert call.cost_usd > 0 and len(ledger.answers) == 1


def test_a_step_asked_again_reuses_the_answer_it_paid_for_and_another_run_pays_its_own():
    client, ledger = FakeModelClient(), FakeLedger()
    first = writer(client, ledger).write(EMAIL, FACTS)

    again = writer(client, ledger).write(EMAIL, FACTS)
    other_run = writer(client, ledger).write(EMAIL.model_copy(update={"request_key": "run-2:generate_pack:1"}), FACTS)

    assert again.fields == first.fields
    assert len(client.prompts) == 2 and [call.run for call in ledger.calls] == ["run-1", "run-2"]
    assert other_run.fields != first.fields


def test_a_run_that_reaches_its_budget_stops_before_the_next_call_naming_the_setting_and_the_step():
    client, ledger = FakeModelClient(model="gpt-4o"), FakeLedger()
    budgeted = writer(client, ledger, max_cost=0.0001)
    budgeted.write(EMAIL, FACTS)

    with pytest.raises(BudgetExceeded) as stop:
        budgeted.write(EMAIL.model_copy(update={"index": 1}), FACTS)

    assert len(client.prompts) == 1
    assert "AICMO_LLM_MAX_COST_PER_RUN" in str(stop.value) and "stopped at generate_pack" in str(stop.value)


def test_another_run_is_not_stopped_by_what_one_run_spent():
    client, ledger = FakeModelClient(model="gpt-4o"), FakeLedger()
    budgeted = writer(client, ledger, max_cost=0.0001)
    budgeted.write(EMAIL, FACTS)

    budgeted.write(EMAIL.model_copy(update={"request_key": "run-2:generate_pack:1"}), FACTS)

    assert len(client.prompts) == 2


def test_an_unusable_answer_gets_a_second_chance_that_says_what_was_wrong():
    client, ledger = FakeModelClient([PROSE]), FakeLedger()

    written = writer(client, ledger).write(EMAIL, FACTS)

    assert written.fallback_reason is None and written.writer == "openai:gpt-4o-mini"
    assert "not JSON" in client.prompts[1].task
    assert [call.outcome for call in ledger.calls] == ["invalid", "ok"]


def test_an_answer_invalid_twice_fails_the_item_naming_the_setting_that_lets_the_template_writer_stand_in():
    client, ledger = FakeModelClient([PROSE, PROSE]), FakeLedger()

    with pytest.raises(WriterFailed) as failure:
        writer(client, ledger).write(EMAIL, FACTS)

    assert "email:email:0:0" in str(failure.value) and "AICMO_LLM_FALLBACK=template" in str(failure.value)
    assert [call.outcome for call in ledger.calls] == ["invalid", "invalid"], "both answers were paid for"


def test_with_the_fallback_the_template_writer_stands_in_and_says_why():
    client, ledger = FakeModelClient([PROSE, PROSE]), FakeLedger()

    written = writer(client, ledger, fallback=True).write(EMAIL, FACTS)

    assert written.writer == "template" and "invalid twice" in written.fallback_reason
    assert written.fields["subject"] and written.fields["body"]


def test_a_server_failing_every_try_ends_the_item_naming_the_address_setting_and_charges_the_failure():
    failures = [TransientModelError("503 Service Unavailable", retry_after=0) for _ in range(4)]
    client, ledger = FakeModelClient(failures), FakeLedger()

    with pytest.raises(ChannelUnavailable) as failure:
        writer(client, ledger).write(EMAIL, FACTS)

    assert len(client.prompts) == 4 and "AICMO_LLM_BASE_URL" in str(failure.value)
    assert [(call.outcome, call.retries, call.cost_usd) for call in ledger.calls] == [("failed", 3, 0.0)]
