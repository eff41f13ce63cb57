"""The LeadPipeline port: import, list, timeline, stages, and a won deal becoming a client,
each a use case on CAM's unit of work (`use_cases/`)."""

from __future__ import annotations

from typing import IO

from aicmo.cam.api.dtos import CampaignId, ImportSummary, Lead, LeadDetail, LeadId, LeadPage, LeadQuery, LeadStage
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.use_cases import funnels
from aicmo.cam.internal.use_cases.import_leads import RejectsFolder, import_leads
from aicmo.cam.internal.use_cases.lead_detail import lead_detail, resolve_lead, short_lead_ids
from aicmo.cam.internal.use_cases.list_leads import list_leads
from aicmo.cam.internal.use_cases.move_lead import advance_lead, mark_won
from aicmo.cam.internal.use_cases.page_leads import page_leads
from aicmo.kernel.clock import Clock


class Pipeline:
    def __init__(self, uow: CamUnitOfWorkFactory, clock: Clock, rejects: RejectsFolder) -> None:
        self._uow = uow
        self._clock = clock
        self._rejects = rejects

    def import_csv(
        self, campaign: str, data: bytes | IO[bytes], source: str, mapping: dict[str, str] | None = None
    ) -> ImportSummary:
        return import_leads(self._uow, self._clock, self._rejects, campaign, data, source, mapping)

    def leads(
        self, *, campaign: str | None = None, stage: LeadStage | None = None, grade: str | None = None, limit: int = 500
    ) -> list[Lead]:
        return list_leads(self._uow, campaign=campaign, stage=stage, grade=grade, limit=limit)

    def page(self, query: LeadQuery) -> LeadPage:
        return page_leads(self._uow, query)

    def campaign_funnels(self) -> dict[CampaignId, dict[LeadStage, int]]:
        return funnels.campaign_funnels(self._uow)

    def funnel(self, campaign: str | None = None) -> dict[LeadStage, int]:
        return funnels.funnel(self._uow, campaign)

    def lead(self, lead_id: LeadId) -> LeadDetail:
        return lead_detail(self._uow, lead_id)

    def resolve(self, typed: str) -> LeadId:
        return resolve_lead(self._uow, typed)

    def short_ids(self, lead_ids: list[LeadId]) -> dict[LeadId, str]:
        return short_lead_ids(self._uow, lead_ids)

    def advance(self, lead_id: LeadId, stage: LeadStage, note: str | None = None) -> LeadDetail:
        return advance_lead(self._uow, self._clock, lead_id, stage, note)

    def won(self, lead_id: LeadId, note: str | None = None) -> LeadDetail:
        return mark_won(self._uow, self._clock, lead_id, note)
