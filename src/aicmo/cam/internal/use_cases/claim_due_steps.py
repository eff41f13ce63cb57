"""Claim the next batch of one campaign's due steps, within its daily cap.

Claiming happens in a short transaction that first writes the worker's heartbeat (on
SQLite this takes the one write lock, so claimers queue) and then locks the campaign row
(on Postgres, so two workers never count the same room under the daily cap). Due leads
that another transaction holds are skipped, left for the next cycle.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter

from aicmo.cam.api.dtos import SkipReason
from aicmo.cam.internal.cam_repository import CamRepository, CamUnitOfWorkFactory
from aicmo.cam.internal.claims import Batch, Claim, Step, pick_variant
from aicmo.cam.internal.models import LeadRow, SendRow
from aicmo.cam.internal.sending_policy import (
    SUPPRESSED,
    UNDER_CAP,
    cap_day_start,
    room_under_cap,
    suppression_keys,
    triage,
)
from aicmo.kernel.clock import Clock


def due_total(
    repository: CamRepository, campaign_id: uuid.UUID, steps: list[Step], now: dt.datetime, cycle_start: dt.datetime
) -> int:
    """How many steps of the campaign are due: what a blocked campaign reports as skipped."""
    return sum(repository.due_count(campaign_id, step, now, cycle_start) for step in steps)


def count_due(
    uow: CamUnitOfWorkFactory, clock: Clock, campaign_id: uuid.UUID, steps: list[Step], cycle_start: dt.datetime
) -> int:
    with uow() as unit:
        return due_total(unit.repository, campaign_id, steps, clock.now(), cycle_start)


def claim_due_steps(
    uow: CamUnitOfWorkFactory,
    clock: Clock,
    worker_id: uuid.UUID,
    campaign_id: uuid.UUID,
    steps: list[Step],
    cycle_start: dt.datetime,
    batch: int,
) -> Batch:
    """A paused campaign, or one at its cap, claims nothing and reports its due steps as skipped."""
    with uow() as unit:
        taken = _claim(unit.repository, clock.now(), worker_id, campaign_id, steps, cycle_start, batch)
        unit.commit()
    return taken


def _claim(
    repository: CamRepository,
    now: dt.datetime,
    worker_id: uuid.UUID,
    campaign_id: uuid.UUID,
    steps: list[Step],
    cycle_start: dt.datetime,
    batch: int,
) -> Batch:
    repository.touch_worker(worker_id, now)
    campaign = repository.campaign(campaign_id, lock=True)
    if campaign.paused:
        return Batch(
            [],
            Counter({SkipReason.CAMPAIGN_PAUSED: due_total(repository, campaign_id, steps, now, cycle_start)}),
            more=False,
        )
    room = room_under_cap(
        campaign.daily_cap,
        repository.counted_sends_since(campaign_id, UNDER_CAP, cap_day_start(campaign.timezone, now)),
    )
    if room <= 0:
        return Batch(
            [], Counter({SkipReason.DAILY_CAP: due_total(repository, campaign_id, steps, now, cycle_start)}), more=False
        )
    for step in steps:
        leads = repository.due_leads(campaign_id, step, now, cycle_start, batch)
        if leads:
            return _take(repository, worker_id, campaign_id, step, leads, now, room)
    return Batch([], Counter(), more=False)


def _take(
    repository: CamRepository,
    worker_id: uuid.UUID,
    campaign_id: uuid.UUID,
    step: Step,
    leads: list[LeadRow],
    now: dt.datetime,
    room: int,
) -> Batch:
    """Record a suppressed lead's step as suppressed; claim the others while the cap has room."""
    blocked = repository.suppressed_among(suppression_keys(lead.email_key for lead in leads))
    claims, skipped = [], Counter[str]()
    for lead, status in triage([(lead, lead.email_key) for lead in leads], blocked, room):
        variant = pick_variant(step, lead.id)
        send = SendRow(
            id=uuid.uuid4(),
            lead_id=lead.id,
            campaign_id=campaign_id,
            position=step.position,
            variant=variant["name"],
            status=status,
            at=now,
            worker_id=worker_id,
        )
        repository.add_send(send)
        if status == SUPPRESSED:
            skipped[SkipReason.SUPPRESSED] += 1
        else:
            claims.append(Claim(send.id, lead, step.position, variant))
    return Batch(claims, skipped, more=True)
