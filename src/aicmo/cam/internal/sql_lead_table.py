"""The leads table's queries: a filter, a keyset page through the index of its order, counts.

Each order has its own index, which holds the email and company too, so a text search reads
the index, not the table, and a page after a cursor seeks to its place in the index."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.internal.lead_table import LeadFilter, LeadOrder
from aicmo.cam.internal.models import LeadRow


def lead_page(
    session: Session, filters: LeadFilter, order: LeadOrder, after: tuple[object, ...] | None, limit: int
) -> list[LeadRow]:
    columns = [getattr(LeadRow, key) for key in order.keys]
    statement = _filtered(session, select(LeadRow), filters).order_by(
        *(column.desc() if order.descending else column for column in columns)
    )
    if after is not None:
        statement = statement.where(_after(columns, after, order.descending))
    return list(session.scalars(statement.limit(limit)))


def count_leads(session: Session, filters: LeadFilter, cap: int) -> int:
    ids = _filtered(session, select(LeadRow.id), filters).limit(cap).subquery()
    return session.scalar(select(func.count()).select_from(ids)) or 0


def lead_total(session: Session) -> int:
    """A count of the whole table, which SQLite answers from its smallest index at once."""
    return session.scalar(select(func.count()).select_from(LeadRow)) or 0


def lead_totals(session: Session) -> dict[uuid.UUID, int]:
    """From the unique (campaign, email) index."""
    totals = select(LeadRow.campaign_id, func.count()).group_by(LeadRow.campaign_id)
    return {campaign: count for campaign, count in session.execute(totals)}


def stage_totals(session: Session, stages: list[LeadStage]) -> dict[uuid.UUID, dict[LeadStage, int]]:
    """From the stage index, which holds the campaign: only the leads at these stages are read."""
    counted = select(LeadRow.campaign_id, LeadRow.stage, func.count()).where(LeadRow.stage.in_(stages))
    totals: dict[uuid.UUID, dict[LeadStage, int]] = {}
    for campaign, stage, count in session.execute(counted.group_by(LeadRow.campaign_id, LeadRow.stage)):
        totals.setdefault(campaign, {})[LeadStage(stage)] = count
    return totals


def _filtered(session: Session, statement: Select, filters: LeadFilter) -> Select:
    if filters.campaign_id is not None:
        statement = statement.where(LeadRow.campaign_id == filters.campaign_id)
    if filters.stage is not None:
        statement = statement.where(LeadRow.stage == filters.stage)
    if filters.min_score is not None:
        statement = statement.where(LeadRow.score >= filters.min_score)
    if filters.max_score is not None:
        statement = statement.where(LeadRow.score <= filters.max_score)
    if filters.text:
        text = filters.text
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


def _after(columns: list[Any], values: tuple[object, ...], descending: bool) -> ColumnElement[bool]:
    """Compared as a row value, (sort value, …, id) < (…), which the index seeks to: the same
    test spelled with OR made SQLite read every entry before the page."""
    edge = tuple_(*(literal(value, column.type) for value, column in zip(values, columns, strict=True)))
    row = tuple_(*columns)
    return row < edge if descending else row > edge
