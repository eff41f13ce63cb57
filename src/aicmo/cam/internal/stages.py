"""Moving a lead between stages: the one place a stage changes, so every move re-scores
the lead and lands on its timeline, whoever caused it (operator, send, reply, link)."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.cam.api.dtos import IcpRules, LeadStage, TimelineKind
from aicmo.cam.internal.cam_repository import CamRepository
from aicmo.cam.internal.models import LeadEventRow, LeadRow
from aicmo.cam.internal.scoring import score_lead

SCORED_FIELDS = ("industry", "title", "location", "company_size")
HANDLED = (LeadStage.QUALIFIED, LeadStage.MEETING, LeadStage.WON, LeadStage.LOST)
"""A lead moved to one of these stages has been handled: its replies leave the review queue."""


def scored(lead: dict, icp: IcpRules, stage: LeadStage) -> dict:
    """The score columns of a lead with these fields at this stage."""
    result = score_lead(lead, icp, stage)
    return {"score": result.score, "grade": result.grade, "score_reasons": list(result.reasons)}


def move_lead(
    repository: CamRepository,
    lead: LeadRow,
    stage: LeadStage,
    *,
    at: dt.datetime,
    kind: TimelineKind = TimelineKind.STAGE,
    note: str | None = None,
    icp: IcpRules | None = None,
) -> None:
    """Set the lead's stage, re-score it against its campaign's ICP (`icp` when the caller has it
    already), and record the move (kind `kind`) on its timeline."""
    before, score = lead.stage, lead.score
    icp = icp or IcpRules.model_validate(repository.campaign(lead.campaign_id).icp)
    lead.stage = stage
    for name, value in scored({name: getattr(lead, name) for name in SCORED_FIELDS}, icp, stage).items():
        setattr(lead, name, value)
    detail = f"{before} → {stage}, score {score} → {lead.score}" + (f": {note}" if note else "")
    repository.add_event(LeadEventRow(id=uuid.uuid4(), lead_id=lead.id, kind=kind, detail=detail, at=at))
    if stage in HANDLED:
        repository.handle_replies(lead.id)
