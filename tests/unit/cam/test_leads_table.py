"""The console's leads table on the fake repository: orders, keyset pages, filters, counts."""

import base64
import datetime as dt
import json
import uuid

import pytest

from aicmo.cam.api import LeadQuery, LeadSort, LeadStage
from aicmo.cam.internal.lead_table import COUNT_CAP
from aicmo.kernel.errors import InvalidInput, NotFound
from tests.unit.cam.leads_world import CAMPAIGN, booted, csv_of, every_page
from tests.unit.cam.outreach_world import World

ROASTERS = [f"roaster{n}@beans.example" for n in range(4)]
SHOPS = [f"shop{n}@retail.example" for n in range(3)]
FILE = csv_of(
    *(f"{email},Beans Co,Coffee" for email in ROASTERS[:2]),
    *(f"{email},Corner Shop,Retail" for email in SHOPS),
    *(f"{email},Beans Co,Coffee" for email in ROASTERS[2:]),
)
"""Roasters fit the campaign's ICP and score higher than shops; the file mixes them."""
IN_FILE_ORDER = [*ROASTERS[:2], *SHOPS, *ROASTERS[2:]]


def imported():
    app = booted()
    app.modules.leads.import_csv(CAMPAIGN, FILE, "leads.csv")
    return app


def test_the_first_page_lists_the_newest_leads_first_and_counts_every_match():
    app = imported()

    page = app.modules.leads.page(LeadQuery(campaign=CAMPAIGN, limit=3))

    assert [lead.email for lead in page.leads] == IN_FILE_ORDER[::-1][:3]
    assert (page.matching, page.more_than_counted) == (7, False) and page.next_cursor is not None


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (LeadSort.NEWEST, IN_FILE_ORDER[::-1]),
        (LeadSort.OLDEST, IN_FILE_ORDER),
        (LeadSort.SCORE_HIGH, [*ROASTERS[::-1], *SHOPS[::-1]]),
        (LeadSort.SCORE_LOW, [*SHOPS, *ROASTERS]),
    ],
)
def test_following_the_next_cursor_shows_every_lead_once_in_the_chosen_order(sort, expected):
    app = imported()

    seen, pages = every_page(app.modules.leads, LeadQuery(sort=sort, limit=2))

    assert seen == expected
    assert [len(page.leads) for page in pages] == [2, 2, 2, 1]


def test_leads_stored_at_the_same_moment_page_in_id_order_without_gaps_or_repeats():
    world = World(booted())
    campaign = world.app.modules.campaigns.get(CAMPAIGN).campaign_id
    same_time = [world.lead(campaign, f"twin{n}@example.com") for n in range(5)]

    seen, _ = every_page(world.app.modules.leads, LeadQuery(sort=LeadSort.NEWEST, limit=2))

    by_id_high_to_low = sorted(same_time, key=lambda lead: lead.id, reverse=True)
    assert seen == [lead.email for lead in by_id_high_to_low]


def test_a_filter_keeps_the_stage_the_score_range_and_the_text_in_any_case():
    app = imported()
    app.modules.leads.advance(_lead(app, ROASTERS[0]).lead_id, LeadStage.QUALIFIED)

    def emails(**filters) -> list[str]:
        return [lead.email for lead in app.modules.leads.page(LeadQuery(sort=LeadSort.OLDEST, **filters)).leads]

    assert emails(stage=LeadStage.QUALIFIED) == [ROASTERS[0]]
    assert emails(max_score=10) == SHOPS
    assert emails(min_score=11, stage=LeadStage.NEW) == ROASTERS[1:]
    assert emails(text="CORNER") == SHOPS and emails(text="Roaster3@") == [ROASTERS[3]]


def test_a_text_search_is_not_counted_and_a_count_stops_at_its_cap():
    world = World(booted())
    campaign = world.app.modules.campaigns.get(CAMPAIGN).campaign_id
    for n in range(COUNT_CAP + 1):
        world.lead(campaign, f"lead{n}@example.com")

    counted = world.app.modules.leads.page(LeadQuery(limit=1))
    searched = world.app.modules.leads.page(LeadQuery(text="lead1", limit=1))

    assert (counted.matching, counted.more_than_counted) == (COUNT_CAP, True)
    assert searched.matching is None and searched.next_cursor is not None


def test_an_unknown_campaign_is_named():
    app = imported()

    with pytest.raises(NotFound, match="Tea"):
        app.modules.leads.page(LeadQuery(campaign="Tea"))


def encoded(*parts: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode().rstrip("=")


WHEN, KEY = dt.datetime(2027, 1, 11, 9, 30, tzinfo=dt.UTC).isoformat(), uuid.uuid4().hex


@pytest.mark.parametrize(
    ("sort", "cursor"),
    [
        (LeadSort.OLDEST, None),
        (LeadSort.SCORE_HIGH, encoded("score_high", "42", WHEN, KEY)),
        (LeadSort.NEWEST, encoded("newest", "2027-01-11T09:30:00", KEY)),
        (LeadSort.NEWEST, encoded("newest", WHEN, "not-an-id")),
        (LeadSort.NEWEST, encoded("newest", WHEN)),
        (LeadSort.NEWEST, "bm90IGEgY3Vyc29y"),
        (LeadSort.NEWEST, "%%%"),
    ],
    ids=["another order", "score as text", "time without zone", "bad id", "short", "not json", "not base64"],
)
def test_a_tampered_or_foreign_cursor_is_refused_naming_the_cursor_and_the_way_back(sort, cursor):
    app = imported()
    newest_cursor = app.modules.leads.page(LeadQuery(limit=2)).next_cursor

    with pytest.raises(InvalidInput) as refused:
        app.modules.leads.page(LeadQuery(sort=sort, cursor=cursor or newest_cursor))

    [problem] = refused.value.problems
    assert problem.field == "cursor" and "start again from the first page" in problem.message


def test_the_list_shows_the_newest_leads_of_a_grade_given_in_any_case():
    app = imported()

    listed = app.modules.leads.leads(campaign=CAMPAIGN, grade=_lead(app, SHOPS[0]).grade.lower(), limit=2)

    assert [lead.email for lead in listed] == SHOPS[::-1][:2]


def _lead(app, email):
    return next(lead for lead in app.modules.leads.leads() if lead.email == email)
