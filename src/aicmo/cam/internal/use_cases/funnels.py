"""Count the leads at each stage of the pipeline, per campaign or in all.

NEW, where most leads wait (a campaign contacts its daily cap), is a campaign's total less
its other stages: the totals and the leads already contacted are what the repository counts."""

from __future__ import annotations

from collections import Counter

from aicmo.cam.api.dtos import CampaignId, LeadStage
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.use_cases.campaigns import named

MOVED: list[LeadStage] = [stage for stage in LeadStage if stage != LeadStage.NEW]
"""The stages a lead reaches once outreach or an operator has moved it."""


def campaign_funnels(uow: CamUnitOfWorkFactory) -> dict[CampaignId, dict[LeadStage, int]]:
    """Leads per stage, in pipeline order, of every campaign that has leads."""
    with uow() as unit:
        totals = unit.repository.lead_totals()
        moved = unit.repository.stage_totals(MOVED)
    return {CampaignId.parse(campaign): _funnel(total, moved.get(campaign, {})) for campaign, total in totals.items()}


def funnel(uow: CamUnitOfWorkFactory, campaign: str | None = None) -> dict[LeadStage, int]:
    """Leads per stage, in pipeline order, of the campaign named `campaign`, or of all campaigns."""
    with uow() as unit:
        campaign_id = named(unit.repository, campaign).id if campaign else None
        moved = unit.repository.stage_totals(MOVED)
        if campaign_id is not None:
            return _funnel(unit.repository.lead_totals().get(campaign_id, 0), moved.get(campaign_id, {}))
        total = unit.repository.lead_total()
    return _funnel(total, dict(sum((Counter(per_stage) for per_stage in moved.values()), Counter())))


def _funnel(total: int, moved: dict[LeadStage, int]) -> dict[LeadStage, int]:
    return {
        stage: total - sum(moved.values()) if stage == LeadStage.NEW else moved.get(stage, 0) for stage in LeadStage
    }
