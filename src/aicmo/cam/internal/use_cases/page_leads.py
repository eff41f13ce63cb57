"""Page through the console's leads table: filtered, sorted, one keyset page at a time."""

from __future__ import annotations

from aicmo.cam.api.dtos import LeadPage, LeadQuery
from aicmo.cam.internal.cam_repository import CamRepository, CamUnitOfWorkFactory
from aicmo.cam.internal.lead_cursor import cursor_after, position_of
from aicmo.cam.internal.lead_table import COUNT_CAP, ORDERS, LeadFilter
from aicmo.cam.internal.lead_views import lead_of
from aicmo.cam.internal.use_cases.campaigns import named


def page_leads(uow: CamUnitOfWorkFactory, query: LeadQuery) -> LeadPage:
    """The page `query` asks for and the cursor of the next, if there is one; the leads that
    match are counted up to `COUNT_CAP`, except for a text search."""
    with uow() as unit:
        filters = _filter_of(unit.repository, query)
        after = position_of(query.sort, query.cursor) if query.cursor is not None else None
        rows = unit.repository.lead_page(filters, ORDERS[query.sort], after, query.limit + 1)
        shown = rows[: query.limit]
        next_cursor = cursor_after(query.sort, shown[-1]) if len(rows) > query.limit else None
        leads = [lead_of(row) for row in shown]
        if query.text:
            return LeadPage(leads=leads, next_cursor=next_cursor, matching=None)
        counted = unit.repository.count_leads(filters, COUNT_CAP + 1)
    return LeadPage(
        leads=leads, next_cursor=next_cursor, matching=min(counted, COUNT_CAP), more_than_counted=counted > COUNT_CAP
    )


def _filter_of(repository: CamRepository, query: LeadQuery) -> LeadFilter:
    """Raises NotFound, naming the campaign, when no campaign has that name."""
    return LeadFilter(
        campaign_id=named(repository, query.campaign).id if query.campaign else None,
        stage=query.stage,
        min_score=query.min_score,
        max_score=query.max_score,
        text=query.text.lower() if query.text else None,
    )
