"""The plan's numbers hold: time frames, channel mix, cadence, budget amounts, KPI checks."""

import re

import pytest

from aicmo.onboarding.api import Platform
from tests.briefs import EXAMPLES, example
from tests.unit.strategy.plan_briefs import LOCAL_SERVICES, any_brief, fixture, planned, with_goal

ALL = EXAMPLES + ["family-dentist", "yoga-studio"]


def _layer(content, key):
    return next(layer for layer in content.layers if layer.key == key)


def test_eighty_sign_ups_in_eight_weeks_is_an_eight_week_kpi():
    content = planned(fixture("yoga-studio"))

    [kpi] = content.kpis
    assert (kpi.name, kpi.target, kpi.timeframe_weeks) == ("Sign-ups", 80, 8)
    assert "80 sign-ups within 8 weeks" in _layer(content, "measurement").points[0]


@pytest.mark.parametrize(
    ("text", "target", "weeks", "recurring"),
    [
        ("80 sign-ups in 8 weeks", 80, 8, False),
        ("In 8 weeks, 80 sign-ups", 80, 8, False),
        ("50,000 local video views per month", 50000, 4, True),
        ("600 new subscriptions in the quarter", 600, 13, False),
        ("200 bookings in 3 months", 200, 13, False),
        ("30 new patients by week 6", 30, 6, False),
        ("40 trial classes a week", 40, 1, True),
        ("5000 visits in 90 days", 5000, 13, False),
        ("120 qualified demo requests", 120, 26, False),
    ],
)
def test_kpi_time_frames_are_read_with_their_number_and_unit(text, target, weeks, recurring):
    brief = with_goal(example("ledgerly"), kpis=[text], timeline_weeks=26)

    [kpi] = planned(brief).kpis

    assert (kpi.target, kpi.timeframe_weeks, kpi.recurring) == (target, weeks, recurring)


def test_a_kpi_is_judged_within_the_plan_never_over_a_window_longer_than_it():
    content = planned(example("sao-bento-bakery"))

    followers = next(kpi for kpi in content.kpis if "followers" in kpi.unit)
    assert (followers.target, followers.timeframe_weeks) == (1500, 8)
    assert "1,500 new Instagram followers within 8 weeks" in " ".join(_layer(content, "measurement").points)
    assert "13 weeks" not in " ".join(p for layer in content.layers for p in layer.points)


@pytest.mark.parametrize(
    ("text", "weeks", "recurring"),
    [("600 new subscriptions in the quarter", 10, False), ("200 bookings in 6 months", 10, False)]
    + [("5000 visits per quarter", 13, True)],
)
def test_a_window_longer_than_the_plan_ends_with_the_plan_and_a_rate_keeps_its_period(text, weeks, recurring):
    [kpi] = planned(with_goal(example("ledgerly"), kpis=[text], timeline_weeks=10)).kpis

    assert (kpi.timeframe_weeks, kpi.recurring) == (weeks, recurring)


@pytest.mark.parametrize("name", LOCAL_SERVICES)
def test_a_local_service_does_not_lead_with_linkedin(name):
    channels = planned(any_brief(name)).channels

    assert "linkedin" not in [c.platform for c in channels]
    assert channels[0].platform in ("facebook", "instagram")


def test_a_b2b_brief_leads_with_linkedin_and_email():
    brief = example("ledgerly")
    constraints = brief.constraints.model_copy(update={"focus_platforms": []})

    channels = planned(brief.model_copy(update={"constraints": constraints})).channels

    assert [c.platform for c in channels[:2]] == ["linkedin", "email"]


def test_the_audiences_hangouts_lead_and_avoided_platforms_never_appear():
    brief = fixture("family-dentist")
    audience = brief.audience.model_copy(update={"hangouts": ["TikTok"]})
    constraints = brief.constraints.model_copy(update={"avoid_platforms": [Platform.FACEBOOK]})

    channels = planned(brief.model_copy(update={"audience": audience, "constraints": constraints})).channels

    assert "facebook" not in [c.platform for c in channels]
    assert "tiktok" in [c.platform for c in channels]


@pytest.mark.parametrize("name", ALL)
def test_cadence_follows_the_budget_share(name):
    channels = planned(any_brief(name)).channels

    by_share = sorted(channels, key=lambda c: -c.share_percent)
    assert sum(c.share_percent for c in channels) == 100
    assert [c.cadence_per_week for c in by_share] == sorted((c.cadence_per_week for c in by_share), reverse=True)


@pytest.mark.parametrize(
    ("name", "budget", "amount", "currency"),
    [
        ("northwind", "8000 USD per month", 8000, "USD"),
        ("ledgerly", "€6,500 a month", 6500, "EUR"),
        ("family-dentist", "£9,999 for the campaign", 9999, "GBP"),
    ],
)
def test_budget_amounts_per_channel_sum_to_the_budget_in_its_currency(name, budget, amount, currency):
    content = planned(with_goal(any_brief(name), budget=budget))

    assert sum(c.budget_amount for c in content.channels) == amount
    plan = _layer(content, "channel_plan").points
    for channel in content.channels:
        assert any(
            p.startswith(f"{Platform(channel.platform).display_name}:")
            and f"{channel.budget_amount:,.0f} {currency}" in p
            for p in plan
        )


def test_a_kpi_the_budget_cannot_pay_for_gets_a_warning_in_the_plan():
    content = planned(fixture("family-dentist"))

    [warning] = content.warnings
    assert "80 new patient bookings" in warning and "3,200 USD" in warning and "2,215 USD" in warning
    assert any(p.startswith("Warning:") and "3,200 USD" in p for p in _layer(content, "measurement").points)


def test_no_warning_when_cost_per_booking_times_bookings_fits_the_budget():
    content = planned(with_goal(fixture("family-dentist"), budget="$2,000 per month"))

    assert content.warnings == []
    assert not any(p.startswith("Warning:") for p in _layer(content, "measurement").points)


def test_without_a_cost_target_the_typical_cost_from_the_data_is_used():
    fits = planned(fixture("yoga-studio"))
    too_small = planned(with_goal(fixture("yoga-studio"), budget="300 USD per month"))

    assert fits.warnings == []
    [warning] = too_small.warnings
    assert "80 sign-ups within 8 weeks" in warning and "typical" in warning


def _unquoted(text):
    return re.sub(r"“[^”]*”", " ", text)


def test_banned_words_never_appear_in_a_sentence_the_strategy_writes():
    brief = fixture("family-dentist")
    voice = brief.voice.model_copy(
        update={"banned_words": ["painless", "best", "proof", "plan", "kids", "Atlas", "pillar", "community"]}
    )
    audience = brief.audience.model_copy(
        update={"desired_outcomes": ["Painless check-ups", "Check-ups the kids do not fear", "A calm first visit"]}
    )
    constraints = brief.constraints.model_copy(update={"competitors": ["Atlas Dental", "Smile Co"]})
    offer = brief.offer.model_copy(
        update={"proof": ["Best dentist in Columbus 2026", "Rated 4.9 from 310 Google reviews"]}
    )
    content = planned(
        brief.model_copy(update={"voice": voice, "audience": audience, "constraints": constraints, "offer": offer})
    )

    sentences = [content.big_idea, *content.warnings, *(m.focus for m in content.timeline)]
    sentences += [text for c in content.channels for text in (c.role, *c.tactics)]
    for layer in content.layers:
        sentences += [layer.summary, *layer.points]
    for sentence in sentences:
        for word in voice.banned_words:
            assert not re.search(rf"(?i)\b{word}\b", _unquoted(sentence)), sentence
    assert "A calm first visit" in content.big_idea
    assert any("“Atlas Dental”" in point for point in _layer(content, "market_truth").points)


def test_a_thin_brief_gets_a_plan_that_says_which_facts_would_make_it_stronger():
    content = planned(example("minimal"))

    advice = [p for layer in content.layers for p in layer.points if p.startswith("Stronger with")]
    assert (
        any("proof" in p for p in advice) and any("offer" in p for p in advice) and any("budget" in p for p in advice)
    )


def test_proposed_kpis_are_sized_to_what_the_budget_buys():
    content = planned(with_goal(example("minimal"), budget="$1,000 per month"))

    leads, cost = content.kpis
    assert leads.proposed and cost.proposed and cost.unit == "USD"
    assert 0 < leads.target * cost.target <= content.budget.plan_total
    assert content.warnings == []


def test_a_budget_without_an_amount_is_named_as_unreadable_in_the_plan():
    content = planned(with_goal(example("northwind"), budget="to be agreed"))

    assert content.budget is None and all(c.budget_amount is None for c in content.channels)
    assert any("names no amount" in p for p in _layer(content, "channel_plan").points)
