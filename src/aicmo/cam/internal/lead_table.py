"""The leads table of the console: filtered, sorted, one keyset page at a time.

A page ends at its last row's (sort value, id); the next page asks for the rows after it,
through the index of that sort, so page 500 costs what page 1 does at 100,000 leads. Those
indexes hold the email and company too, so a text search reads the index, not the table. The
count of matching leads stops at `COUNT_CAP`, and a text search is not counted: a search
that matches few leads would read every lead once more to count them."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import CampaignId, LeadPage, LeadQuery, LeadSort, LeadStage
from aicmo.cam.internal.campaigns import Campaigns
from aicmo.cam.internal.models import LeadRow
from aicmo.kernel.errors import InvalidInput, Problem

COUNT_CAP = 10_000

_ORDER: dict[LeadSort, tuple[tuple[Any, ...], bool]] = {
    LeadSort.NEWEST: ((LeadRow.created_at, LeadRow.id), True),
    LeadSort.OLDEST: ((LeadRow.created_at, LeadRow.id), False),
    LeadSort.SCORE_HIGH: ((LeadRow.score, LeadRow.created_at, LeadRow.id), True),
    LeadSort.SCORE_LOW: ((LeadRow.score, LeadRow.created_at, LeadRow.id), False),
}
"""Each sort: the columns it orders by, as its index holds them, and whether it runs high to
low. Ties of a score are broken by the time a lead was stored, not by its random id: an
import then adds to the end of each score's part of the index, not at random places."""


def lead_page(session: Session, query: LeadQuery) -> tuple[list[LeadRow], LeadPage]:
    """The rows of the page `query` asks for, and the page without its leads (the caller makes them)."""
    columns, descending = _ORDER[query.sort]
    statement = _filtered(session, select(LeadRow), query).order_by(
        *(column.desc() if descending else column for column in columns)
    )
    if query.cursor is not None:
        statement = statement.where(_after(query, columns, descending))
    rows = list(session.scalars(statement.limit(query.limit + 1)))
    shown = rows[: query.limit]
    next_cursor = _cursor(query.sort, columns, shown[-1]) if len(rows) > query.limit else None
    if query.text:
        return shown, LeadPage(leads=[], next_cursor=next_cursor, matching=None)
    ids = _filtered(session, select(LeadRow.id), query).limit(COUNT_CAP + 1).subquery()
    counted = session.scalar(select(func.count()).select_from(ids)) or 0
    page = LeadPage(
        leads=[], next_cursor=next_cursor, matching=min(counted, COUNT_CAP), more_than_counted=counted > COUNT_CAP
    )
    return shown, page


CONTACTED = [stage for stage in LeadStage if stage != LeadStage.NEW]


def stage_counts(session: Session, campaign_id: uuid.UUID | None) -> dict[LeadStage, int]:
    """Leads per stage, in pipeline order, of one campaign or all (counted as `campaign_funnels` counts)."""
    if campaign_id is not None:
        return campaign_funnels(session).get(CampaignId.parse(campaign_id), dict.fromkeys(LeadStage, 0))
    total = session.scalar(select(func.count()).select_from(LeadRow)) or 0
    moved = select(LeadRow.stage, func.count()).where(LeadRow.stage.in_(CONTACTED)).group_by(LeadRow.stage)
    return _funnel(total, dict(session.execute(moved).all()))


def campaign_funnels(session: Session) -> dict[CampaignId, dict[LeadStage, int]]:
    """Leads per stage of every campaign that has leads.

    NEW, where most leads wait (a campaign contacts its daily cap), is the total less the other
    stages: the totals come from the unique (campaign, email) index and the other stages from
    the stage index, which holds the campaign, so only the leads already contacted are read."""
    totals = select(LeadRow.campaign_id, func.count()).group_by(LeadRow.campaign_id)
    others = select(LeadRow.campaign_id, LeadRow.stage, func.count()).where(LeadRow.stage.in_(CONTACTED))
    moved: dict[uuid.UUID, dict[str, int]] = {}
    for campaign, stage, count in session.execute(others.group_by(LeadRow.campaign_id, LeadRow.stage)):
        moved.setdefault(campaign, {})[stage] = count
    return {
        CampaignId.parse(campaign): _funnel(total, moved.get(campaign, {}))
        for campaign, total in session.execute(totals)
    }


def _funnel(total: int, moved: dict[str, int]) -> dict[LeadStage, int]:
    return {
        stage: total - sum(moved.values()) if stage == LeadStage.NEW else moved.get(stage, 0) for stage in LeadStage
    }


def _filtered(session: Session, statement: Select, query: LeadQuery) -> Select:
    if query.campaign:
        statement = statement.where(LeadRow.campaign_id == Campaigns.row(session, query.campaign).id)
    if query.stage is not None:
        statement = statement.where(LeadRow.stage == query.stage)
    if query.min_score is not None:
        statement = statement.where(LeadRow.score >= query.min_score)
    if query.max_score is not None:
        statement = statement.where(LeadRow.score <= query.max_score)
    if query.text:
        text = query.text.lower()
        company = (
            LeadRow.company.contains(text, autoescape=True)
            if _is_sqlite(session)
            else LeadRow.company.icontains(text, autoescape=True)
        )
        statement = statement.where(or_(LeadRow.email_key.contains(text, autoescape=True), company))
    return statement


def _is_sqlite(session: Session) -> bool:
    """SQLite's LIKE ignores case already (as far as its lower() would), and reads the indexes'
    own copy of the column; Postgres needs ILIKE."""
    return session.get_bind().dialect.name == "sqlite"


def _after(query: LeadQuery, columns: tuple[Any, ...], descending: bool) -> ColumnElement[bool]:
    """Compared as a row value, (sort value, …, id) < (…), which the index seeks to: the same
    test spelled with OR made SQLite read every entry before the page."""
    values = _read(query, columns)
    edge = tuple_(*(literal(value, column.type) for value, column in zip(values, columns, strict=True)))
    row = tuple_(*columns)
    return row < edge if descending else row > edge


def _cursor(sort: LeadSort, columns: tuple[Any, ...], last: LeadRow) -> str:
    values = [_as_json(getattr(last, column.key)) for column in columns]
    return base64.urlsafe_b64encode(json.dumps([sort.value, *values]).encode()).decode().rstrip("=")


def _as_json(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value.hex if isinstance(value, uuid.UUID) else value


def _read(query: LeadQuery, columns: tuple[Any, ...]) -> list[object]:
    """The cursor's values, one per column; refused, naming `cursor`, unless a page of this sort made it."""
    cursor = query.cursor or ""
    try:
        sort, *values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if sort != query.sort.value or len(values) != len(columns):
            raise ValueError(sort)
        return [_from_json(value, column) for value, column in zip(values, columns, strict=True)]
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise InvalidInput(
            "the cursor is not one a page gave",
            [Problem("cursor", "follow the Next link of a page, or start again from the first page")],
        ) from None


def _from_json(value: object, column: Any) -> object:
    if column is LeadRow.created_at:
        at = dt.datetime.fromisoformat(str(value))
        if at.tzinfo is None:
            raise ValueError(value)
        return at
    if column is LeadRow.id:
        return uuid.UUID(hex=str(value))
    if type(value) is not int:
        raise ValueError(value)
    return value
