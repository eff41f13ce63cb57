"""Record what was sent, for the claims the worker still holds: a stale worker's were released
and may be someone else's by now, so they are counted as lost, not recorded."""

from __future__ import annotations

import uuid
from collections import Counter

from aicmo.cam.api.dtos import IcpRules, LeadStage, SkipReason, TimelineKind
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.claims import Sent
from aicmo.cam.internal.models import LeadEventRow
from aicmo.cam.internal.sending_policy import FAILED
from aicmo.cam.internal.stages import move_lead
from aicmo.kernel.clock import Clock


def record_sends(uow: CamUnitOfWorkFactory, clock: Clock, worker_id: uuid.UUID, done: list[Sent]) -> Counter[str]:
    """Each send's outcome; a lead's first step that went out moves it from NEW to CONTACTED."""
    outcomes: Counter[str] = Counter()
    if not done:
        return outcomes
    with uow() as unit:
        repository = unit.repository
        now = clock.now()
        repository.touch_worker(worker_id, now)
        held = repository.held_claims([d.claim.send_id for d in done], worker_id)
        kept = [d for d in done if d.claim.send_id in held]
        if len(kept) < len(done):
            outcomes[SkipReason.CLAIM_LOST] += len(done) - len(kept)
        if kept:
            repository.record_sends(
                [
                    {
                        "send_id": d.claim.send_id,
                        "status": d.status,
                        "message_id": d.message_id,
                        "error": d.error,
                        "at": now,
                    }
                    for d in kept
                ]
            )
            leads = {lead.id: lead for lead in repository.leads([d.claim.lead.id for d in kept])}
            icp = IcpRules.model_validate(repository.campaign(kept[0].claim.lead.campaign_id).icp)
            for d in kept:
                lead = leads[d.claim.lead.id]
                note = f"step {d.claim.position} variant {d.claim.variant['name']} {d.status}: {d.subject}" + (
                    f" ({d.error})" if d.error else ""
                )
                if d.status != FAILED and lead.stage == LeadStage.NEW:
                    move_lead(
                        repository, lead, LeadStage.CONTACTED, at=now, kind=TimelineKind.EMAIL, note=note, icp=icp
                    )
                else:
                    repository.add_event(
                        LeadEventRow(id=uuid.uuid4(), lead_id=lead.id, kind=TimelineKind.EMAIL, detail=note, at=now)
                    )
                outcomes[d.status if d.status != FAILED else SkipReason.SEND_FAILED] += 1
        unit.commit()
    return outcomes
