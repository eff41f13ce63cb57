"""The dashboard's funnel: a bar per stage as long as its share of the largest stage."""

from aicmo.cam.api import LeadStage
from aicmo.operator.web.console.funnel_chart import ROW, TRACK, funnel_chart


def test_every_stage_has_a_row_in_order_and_the_largest_fills_the_track():
    chart = funnel_chart({LeadStage.NEW: 200, LeadStage.CONTACTED: 100, LeadStage.REPLIED: 50})

    assert [bar.stage for bar in chart.bars] == [stage.value for stage in LeadStage]
    widths = {bar.stage: bar.width for bar in chart.bars}
    assert (widths["NEW"], widths["CONTACTED"], widths["REPLIED"]) == (TRACK, TRACK // 2, TRACK // 4)
    assert [bar.y for bar in chart.bars] == [row * ROW for row in range(len(LeadStage))]
    assert chart.height == len(LeadStage) * ROW


def test_an_empty_stage_keeps_its_row_with_no_bar_and_a_count_of_zero():
    chart = funnel_chart({LeadStage.NEW: 10})

    empty = [bar for bar in chart.bars if bar.stage != "NEW"]
    assert empty and all((bar.count, bar.width, bar.share) == (0, 0, "0%") for bar in empty)


def test_a_tiny_stage_beside_a_huge_one_still_shows_a_sliver_of_bar():
    chart = funnel_chart({LeadStage.NEW: 100_000, LeadStage.WON: 1})

    [won] = [bar for bar in chart.bars if bar.stage == "WON"]
    assert won.width == 2 and won.share == "0%"


def test_shares_are_of_every_lead_and_the_summary_reads_the_counts_in_words():
    chart = funnel_chart({LeadStage.NEW: 3_000, LeadStage.CONTACTED: 1_000})

    shares = {bar.stage: bar.share for bar in chart.bars}
    assert (shares["NEW"], shares["CONTACTED"], chart.total) == ("75%", "25%", 4_000)
    assert chart.summary.startswith("Leads by stage: new 3,000, contacted 1,000, ")


def test_a_pipeline_without_leads_draws_empty_tracks_without_shares():
    chart = funnel_chart({})

    assert chart.total == 0 and {(bar.count, bar.width, bar.share) for bar in chart.bars} == {(0, 0, "")}
