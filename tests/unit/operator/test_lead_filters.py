"""The leads table's filters as the browser sends them: read into a query, or a message per wrong field."""

import pytest

from aicmo.cam.api import LeadSort, LeadStage
from aicmo.operator.web.console.lead_filters import read_filters


def test_filters_as_typed_become_the_query_with_spaces_trimmed_and_the_stage_in_any_case():
    filters = read_filters(
        {
            "campaign": " Spring ",
            "stage": "replied",
            "min_score": "40",
            "max_score": "90",
            "q": " bean ",
            "sort": "score_high",
        }
    )

    assert filters.errors == {}
    query = filters.query
    assert (query.campaign, query.stage, query.min_score, query.max_score, query.text, query.sort) == (
        "Spring",
        LeadStage.REPLIED,
        40,
        90,
        "bean",
        LeadSort.SCORE_HIGH,
    )


def test_no_filters_show_every_lead_newest_first_from_the_first_page():
    query = read_filters({}).query

    assert (query.campaign, query.stage, query.min_score, query.text, query.sort, query.cursor) == (
        None,
        None,
        None,
        None,
        LeadSort.NEWEST,
        None,
    )


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"min_score": "high"}, "min_score", "a whole number from 0 to 100"),
        ({"min_score": "-5"}, "min_score", "a whole number from 0 to 100"),
        ({"max_score": "101"}, "max_score", "a whole number from 0 to 100"),
        ({"stage": "ASLEEP"}, "stage", "pick one of the stages in the list"),
        (
            {"sort": "email"},
            "sort",
            "the order 'email' is not known: use one of newest (Newest first), oldest (Oldest first), "
            "score_high (Score, high to low), score_low (Score, low to high); the list shows the default, Newest first",
        ),
        ({"q": "x" * 201}, "q", "write at most 200 characters"),
    ],
)
def test_a_wrong_field_is_named_with_how_to_fix_it_and_no_query_is_made(params, field, message):
    filters = read_filters(params)

    assert filters.query is None and filters.errors == {field: message}


def test_a_score_range_upside_down_names_the_highest_score_and_the_lowest_given():
    filters = read_filters({"min_score": "80", "max_score": "20"})

    assert filters.query is None
    assert filters.errors == {"max_score": "the highest score must not be below the lowest (80)"}


def test_several_wrong_fields_are_each_named_and_what_was_typed_is_kept():
    filters = read_filters({"stage": "asleep", "min_score": "lots", "q": "leaf"})

    assert set(filters.errors) == {"stage", "min_score"}
    assert (filters.values["stage"], filters.values["min_score"], filters.values["q"]) == ("asleep", "lots", "leaf")


def test_a_link_keeps_the_filters_typed_leaves_out_empty_ones_and_applies_changes():
    filters = read_filters({"q": "bean & co", "stage": "", "sort": "score_high"})

    assert filters.link() == "/cam/leads?q=bean+%26+co&sort=score_high"
    assert filters.link(sort="oldest", cursor="abc") == "/cam/leads?q=bean+%26+co&sort=oldest&cursor=abc"
    assert read_filters({}).link() == "/cam/leads"
