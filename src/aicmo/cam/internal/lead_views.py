"""A lead as the operator sees it: its fields, and its timeline from the import on."""

from __future__ import annotations

import uuid

from aicmo.cam.api.dtos import CampaignId, Lead, LeadDetail, LeadEvent, LeadId, LeadStage, TimelineKind
from aicmo.cam.internal.cam_repository import CamRepository
from aicmo.cam.internal.models import LeadRow
from aicmo.kernel.errors import NotFound


def lead_of(row: LeadRow) -> Lead:
    return Lead(
        lead_id=LeadId.parse(row.id),
        campaign_id=CampaignId.parse(row.campaign_id),
        email=row.email,
        first_name=row.first_name,
        last_name=row.last_name,
        company=row.company,
        title=row.title,
        website=row.website,
        industry=row.industry,
        location=row.location,
        company_size=row.company_size,
        stage=LeadStage(row.stage),
        score=row.score,
        grade=row.grade,
        score_reasons=row.score_reasons,
        created_at=row.created_at,
    )


def detail_of(repository: CamRepository, row: LeadRow) -> LeadDetail:
    """The timeline: the import (from the lead row itself), then every recorded event."""
    origin = f"from {row.source}, score {row.score} ({row.grade})"
    imported = LeadEvent(at=row.created_at, kind=TimelineKind.IMPORTED, detail=origin)
    recorded = [
        LeadEvent(at=event.at, kind=TimelineKind(event.kind), detail=event.detail)
        for event in repository.lead_events(row.id)
    ]
    return LeadDetail(lead=lead_of(row), timeline=[imported, *recorded])


def existing_lead(repository: CamRepository, lead_id: uuid.UUID) -> LeadRow:
    row = repository.lead(lead_id)
    if row is None:
        raise NotFound(f"no lead {lead_id}: list them with `aicmo cam leads`")
    return row
