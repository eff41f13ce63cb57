"""The leads table's cursor: where a page ended, readable only by a page of the same order."""

import base64
import datetime as dt
import json
import uuid

import pytest

from aicmo.cam.api import LeadQuery, LeadSort
from aicmo.cam.internal.lead_table import _ORDER, _cursor, _read
from aicmo.cam.internal.models import LeadRow
from aicmo.kernel.errors import InvalidInput

KEY = uuid.uuid4()
WHEN = dt.datetime(2027, 1, 11, 9, 30, tzinfo=dt.UTC)
LAST = LeadRow(id=KEY, score=42, created_at=WHEN)
"""The last lead of a page."""


def page_after(sort: LeadSort, cursor: str) -> list[object]:
    return _read(LeadQuery(sort=sort, cursor=cursor), _ORDER[sort][0])


def ended(sort: LeadSort) -> str:
    return _cursor(sort, _ORDER[sort][0], LAST)


def encoded(*parts: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode().rstrip("=")


def test_a_page_ending_at_a_time_or_a_score_is_picked_up_where_it_ended():
    assert page_after(LeadSort.NEWEST, ended(LeadSort.NEWEST)) == [WHEN, KEY]
    assert page_after(LeadSort.SCORE_LOW, ended(LeadSort.SCORE_LOW)) == [42, WHEN, KEY]


@pytest.mark.parametrize(
    ("sort", "cursor"),
    [
        (LeadSort.OLDEST, ended(LeadSort.NEWEST)),
        (LeadSort.SCORE_HIGH, encoded("score_high", "42", WHEN.isoformat(), KEY.hex)),
        (LeadSort.NEWEST, encoded("newest", "2027-01-11T09:30:00", KEY.hex)),
        (LeadSort.NEWEST, encoded("newest", WHEN.isoformat(), "not-an-id")),
        (LeadSort.NEWEST, encoded("newest", WHEN.isoformat())),
        (LeadSort.NEWEST, "bm90IGEgY3Vyc29y"),
        (LeadSort.NEWEST, "%%%"),
    ],
    ids=["another order", "score as text", "time without zone", "bad id", "short", "not json", "not base64"],
)
def test_a_tampered_or_foreign_cursor_is_refused_naming_the_cursor_and_the_way_back(sort, cursor):
    with pytest.raises(InvalidInput) as refused:
        page_after(sort, cursor)

    [problem] = refused.value.problems
    assert problem.field == "cursor" and "start again from the first page" in problem.message
