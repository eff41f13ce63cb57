"""Release the claims of stopped or silent workers: their steps become due again."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.cam.api.dtos import TimelineKind
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.models import LeadEventRow
from aicmo.cam.internal.use_cases.workers import STOPPED
from aicmo.kernel.clock import Clock


def release_claims(uow: CamUnitOfWorkFactory, clock: Clock, worker_id: uuid.UUID, lease: dt.timedelta) -> int:
    """How many claims were released; each lead's timeline says whose claim it was."""
    with uow() as unit:
        now = clock.now()
        unit.repository.touch_worker(worker_id, now)
        stale = unit.repository.stale_claims(unit.repository.void_workers(now - lease, STOPPED))
        if stale:
            unit.repository.delete_sends([send.id for send in stale])
            for send in stale:
                detail = (
                    f"step {send.position}: the claim of silent worker {send.worker_id} was released;"
                    " the step is due again"
                )
                unit.repository.add_event(
                    LeadEventRow(id=uuid.uuid4(), lead_id=send.lead_id, kind=TimelineKind.EMAIL, detail=detail, at=now)
                )
        unit.commit()
    return len(stale)
