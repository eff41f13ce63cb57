"""Close as LOST the leads still CONTACTED `reply_timeout_days` after their last step went out."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.cam.api.dtos import Campaign, LeadStage, TimelineKind
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.stages import move_lead
from aicmo.kernel.clock import Clock


def time_out_leads(uow: CamUnitOfWorkFactory, clock: Clock, worker_id: uuid.UUID, campaign: Campaign) -> int:
    """How many leads were closed; a campaign without a sequence closes none."""
    with uow() as unit:
        repository = unit.repository
        now = clock.now()
        repository.touch_worker(worker_id, now)
        steps = repository.steps(campaign.campaign_id)
        leads = []
        if steps:
            sent_before = now - dt.timedelta(days=campaign.reply_timeout_days)
            leads = repository.timed_out_leads(campaign.campaign_id, steps[-1].position, sent_before)
        for lead in leads:
            note = f"no reply {campaign.reply_timeout_days} days after the last step"
            move_lead(repository, lead, LeadStage.LOST, at=now, kind=TimelineKind.TIMEOUT, note=note, icp=campaign.icp)
        unit.commit()
    return len(leads)
