"""Strategy's use cases booted on a fake unit of work: versions, approval, discard, no database."""

import pytest

from aicmo.kernel.errors import Conflict, NotFound
from aicmo.strategy.api import StrategyStatus, StrategyVersionId
from tests.briefs import example
from tests.unit.app import bootstrap_test_app


def captured(app, name="northwind"):
    return app.modules.onboarding.capture(example(name), f"{name}.yaml")


def test_a_generated_strategy_is_a_draft_version_built_from_its_brief_version():
    app = bootstrap_test_app()
    brief = captured(app)

    strategy = app.modules.strategy.generate(brief)

    assert strategy.version == 1 and strategy.status == StrategyStatus.DRAFT
    assert strategy.brief_version_id == brief.version_id and strategy.client_name == brief.client_name
    assert len(strategy.layers) == 8 and sum(channel.share_percent for channel in strategy.channels) == 100
    assert app.modules.strategy.get(strategy.version_id) == strategy
    [generated] = app.strategy.published
    assert generated.event_type() == "StrategyGenerated" and generated.version_id == strategy.version_id


def test_each_generation_for_one_brief_is_the_next_version_of_one_document_and_a_key_makes_it_once():
    app = bootstrap_test_app()
    brief = captured(app)

    first = app.modules.strategy.generate(brief, key="run-1:strategy")
    again = app.modules.strategy.generate(brief, key="run-1:strategy")
    second = app.modules.strategy.generate(brief)
    other = app.modules.strategy.generate(captured(app, "ledgerly"))

    assert again == first
    assert (second.strategy_id, second.version) == (first.strategy_id, 2)
    assert other.strategy_id != first.strategy_id and other.version == 1
    assert app.strategy.published_types() == ["StrategyGenerated"] * 3


def test_approving_twice_publishes_once_and_a_discarded_version_cannot_be_approved():
    app = bootstrap_test_app()
    brief = captured(app)
    approved = app.modules.strategy.generate(brief)
    discarded = app.modules.strategy.generate(brief)

    assert app.modules.strategy.approve(approved.version_id).status == StrategyStatus.APPROVED
    app.modules.strategy.approve(approved.version_id)
    app.modules.strategy.discard(discarded.version_id)
    app.modules.strategy.discard(discarded.version_id)
    app.modules.strategy.discard(StrategyVersionId.new())

    with pytest.raises(Conflict, match="was discarded"):
        app.modules.strategy.approve(discarded.version_id)
    assert app.modules.strategy.get(discarded.version_id).status == StrategyStatus.DISCARDED
    assert app.strategy.published_types() == ["StrategyGenerated", "StrategyGenerated", "StrategyApproved"]


def test_an_unknown_version_is_not_found():
    app = bootstrap_test_app()

    with pytest.raises(NotFound, match="no strategy version"):
        app.modules.strategy.get(StrategyVersionId.new())
    with pytest.raises(NotFound, match="no strategy version"):
        app.modules.strategy.approve(StrategyVersionId.new())
