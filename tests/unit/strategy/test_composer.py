import re
from pathlib import Path

import pytest

from aicmo.onboarding.api import Platform
from aicmo.onboarding.internal.fact_typing import type_brief
from aicmo.strategy.internal.channel_mix import plan_channels
from aicmo.strategy.internal.kpis import parse_kpi
from aicmo.strategy.internal import phrasing as strategy_phrasing
from aicmo.strategy.internal.phrasing import LAYER_KEYS
from tests.briefs import EXAMPLES, example
from tests.unit.strategy.plan_briefs import planned


@pytest.mark.parametrize("name", EXAMPLES)
def test_eight_layers_in_order_none_empty_and_no_leftovers(name):
    content = planned(example(name))

    assert [layer.key for layer in content.layers] == list(LAYER_KEYS)
    for layer in content.layers:
        assert layer.summary and layer.points and all(layer.points)
        for text in [layer.summary, *layer.points]:
            assert "{" not in text and "None" not in text, text


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_budget_split_sums_to_100_and_skips_avoided_platforms(name):
    brief = example(name)
    channels = plan_channels(brief)

    assert sum(c.share_percent for c in channels) == 100
    assert not {c.platform for c in channels} & {p.value for p in brief.constraints.avoid_platforms}
    if brief.constraints.focus_platforms:
        assert {c.platform for c in channels} == {p.value for p in brief.constraints.focus_platforms}


def test_without_focus_platforms_the_best_fits_minus_the_avoided_are_used():
    brief = example("northwind")
    constraints = brief.constraints.model_copy(update={"focus_platforms": [], "avoid_platforms": [Platform.FACEBOOK]})

    channels = plan_channels(brief.model_copy(update={"constraints": constraints}))

    assert [c.platform for c in channels] == ["instagram", "email", "youtube"]


def test_the_briefs_own_kpis_become_numeric_targets_with_timeframes():
    kpis = planned(example("northwind")).kpis

    assert [(k.name, k.target, k.unit, k.comparison, k.timeframe_weeks, k.proposed) for k in kpis] == [
        ("New subscriptions", 600, "new subscriptions", "reach", 12, False),
        ("Cost per acquisition", 35, "USD", "at_most", 12, False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20% email open rate", ("Email open rate", 20, "%", "reach")),
        ("Cost per lead under €150", ("Cost per lead", 150, "EUR", "at_most")),
        ("At least 1.5k followers per month", ("Followers", 1500, "followers", "at_least")),
        ("50,000 local video views per month", ("Local video views", 50000, "local video views", "reach")),
    ],
)
def test_kpi_texts_are_read_for_name_target_unit_and_direction(text, expected):
    kpi = parse_kpi(text, 12)

    assert (kpi.name, kpi.target, kpi.unit, kpi.comparison) == expected


def test_kpis_are_proposed_and_labelled_when_the_brief_has_none():
    kpis = planned(example("minimal")).kpis

    assert kpis and all(k.proposed and k.target > 0 for k in kpis)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_timeline_spans_the_briefs_weeks(name):
    brief = example(name)
    weeks = [m.week for m in planned(brief).timeline]

    assert weeks[0] == 1 and weeks[-1] == brief.goal.timeline_weeks and weeks == sorted(weeks)


def test_positioning_names_each_competitor_with_the_brands_own_edge():
    market = next(layer for layer in planned(example("ledgerly")).layers if layer.key == "market_truth")

    assert any("Against BlackLine: lead with Close Autopilot" in point for point in market.points)
    assert any(point.startswith("Against FloQast") for point in market.points)


def _layer(content, key):
    return next(layer for layer in content.layers if layer.key == key)


def test_the_strategy_writes_channels_by_their_names_and_lists_as_english_does():
    content = planned(example("ledgerly"))
    channels = _layer(content, "channel_plan")

    assert "serving Berlin and London" in _layer(content, "business_reality").summary
    assert "serving Portland, OR." in _layer(planned(example("northwind")), "business_reality").summary
    assert "Avoid: TikTok" in _layer(planned(example("northwind")), "execution_constraints").points
    assert "compare Ledgerly with BlackLine or FloQast" in _layer(content, "market_truth").summary
    assert channels.summary.startswith("The plan runs on 3 channels, led by LinkedIn: LinkedIn ")
    assert not re.search(r"\b(linkedin|email|x) \d", channels.summary)
    assert [p.split(":")[0] for p in channels.points[:3]] == ["LinkedIn", "Email", "X"]


def test_a_proof_is_not_pasted_after_backed_by():
    points = _layer(planned(example("ledgerly")), "market_truth").points

    assert not [p for p in points if "backed by" in p]
    assert any(p.endswith("Proof to show: ISO 27001 certified") for p in points)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_advice_for_a_thin_brief_is_onboardings_word_for_word(name):
    brief = example(name)
    advice = [p for layer in planned(brief).layers for p in layer.points if p.startswith("Stronger with")]

    assert set(advice) <= {gap.say for gap in type_brief(brief).gaps}
    assert "Stronger with" not in Path(strategy_phrasing.__file__).with_name("phrasing.yaml").read_text(
        encoding="utf-8"
    )


def test_an_outcome_said_as_a_verb_phrase_reads_as_a_noun_after_want_most():
    content = planned(example("zen-studio"))

    assert "want most: a way to move without pain." in _layer(content, "audience_psychology").summary
    assert (
        "want most: a close in five working days."
        in _layer(planned(example("ledgerly")), "audience_psychology").summary
    )


def test_a_word_that_keeps_its_capital_keeps_it_mid_sentence():
    summary = _layer(planned(example("sao-bento-bakery")), "business_reality").summary

    assert "sells Portuguese pastries" in summary
