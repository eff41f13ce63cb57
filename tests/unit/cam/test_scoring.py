import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicmo.cam.api import IcpRules, LeadStage
from aicmo.cam.internal.scoring import Scorer, score_lead

ICP = IcpRules(
    industries=["Coffee"],
    titles=["CMO", "Marketing"],
    locations=["Portland"],
    min_company_size=10,
    max_company_size=200,
)
FIT = {
    "industry": "Specialty Coffee",
    "title": "Head of Marketing",
    "location": "Portland, OR",
    "company_size": "11-50",
}


def test_a_lead_that_fits_every_rule_scores_full_fit_with_reasons():
    result = score_lead(FIT, ICP, LeadStage.NEW)

    assert (result.score, result.grade) == (70, "B")
    assert list(result.reasons) == [
        "industry 'Specialty Coffee' fits the ICP (+25)",
        "title 'Head of Marketing' fits the ICP (+20)",
        "location 'Portland, OR' fits the ICP (+15)",
        "company size 50 fits the ICP (+10)",
    ]


@pytest.mark.parametrize(
    ("stage", "score", "grade"),
    [(LeadStage.CONTACTED, 75, "A"), (LeadStage.MEETING, 100, "A"), (LeadStage.LOST, 70, "B")],
)
def test_engagement_adds_to_fit_as_the_lead_moves(stage, score, grade):
    assert (score_lead(FIT, ICP, stage).score, score_lead(FIT, ICP, stage).grade) == (score, grade)


def test_a_lead_outside_the_icp_says_why_and_grades_d():
    result = score_lead(
        {"industry": "Hardware", "title": None, "location": "Berlin", "company_size": "5,000"}, ICP, LeadStage.NEW
    )

    assert (result.score, result.grade) == (0, "D")
    assert "title 'unknown' is outside the ICP" in result.reasons
    assert "company size '5,000' is outside the ICP" in result.reasons


def test_only_the_rules_a_campaign_sets_count():
    result = score_lead({"industry": "Coffee"}, IcpRules(industries=["coffee"]), LeadStage.NEW)

    assert result.score == 70 and list(result.reasons) == ["industry 'Coffee' fits the ICP (+25)"]


def test_a_campaign_without_rules_counts_fit_as_average():
    assert score_lead({}, IcpRules(), LeadStage.REPLIED).score == 35 + 15


VALUES = st.one_of(
    st.none(),
    st.sampled_from(["Coffee", "head of MARKETING", "Portland, OR", "11-50", "1,200", "", "Zoë", 'say "hi"']),
    st.text(max_size=8),
)


@given(
    lead=st.fixed_dictionaries(
        {}, optional={field: VALUES for field in ("industry", "title", "location", "company_size")}
    ),
    icp=st.builds(
        IcpRules,
        industries=st.lists(st.sampled_from(["coffee", "Food", "é"]), max_size=2),
        titles=st.lists(st.sampled_from(["CMO", "marketing"]), max_size=2),
        locations=st.lists(st.sampled_from(["Portland", "Berlin"]), max_size=2),
        min_company_size=st.none() | st.integers(0, 100),
        max_company_size=st.none() | st.integers(100, 5000),
    ),
    stage=st.sampled_from(LeadStage),
)
def test_an_imported_lead_stores_the_score_grade_and_reasons_of_score_lead(lead, icp, stage):
    expected = score_lead(lead, icp, stage)

    assert Scorer(icp, stage).columns(lead) == (expected.score, expected.grade, json.dumps(list(expected.reasons)))
