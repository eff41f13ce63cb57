"""List the latest leads, filtered by campaign, stage and grade (the CLI's and the API's list)."""

from __future__ import annotations

from aicmo.cam.api.dtos import Lead, LeadStage
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.lead_views import lead_of
from aicmo.cam.internal.use_cases.campaigns import named


def list_leads(
    uow: CamUnitOfWorkFactory,
    *,
    campaign: str | None = None,
    stage: LeadStage | None = None,
    grade: str | None = None,
    limit: int = 500,
) -> list[Lead]:
    """Newest first; a grade in any case."""
    with uow() as unit:
        campaign_id = named(unit.repository, campaign).id if campaign else None
        rows = unit.repository.newest_leads(
            campaign_id=campaign_id, stage=stage, grade=grade.upper() if grade else None, limit=limit
        )
        return [lead_of(row) for row in rows]
