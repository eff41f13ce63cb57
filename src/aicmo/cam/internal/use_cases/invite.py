"""Invite a lead to a meeting: an iCalendar invitation, sent in the campaign's mode, moves the lead to MEETING."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.cam.api.dtos import LeadId, LeadStage, SendingMode, SkipReason, TimelineKind
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.meetings import invitation, invitation_email
from aicmo.cam.internal.models import LeadEventRow
from aicmo.cam.internal.stages import move_lead
from aicmo.gateways.api import Mailer
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable, Conflict, InvalidInput, NotFound, Problem


def invite(
    uow: CamUnitOfWorkFactory,
    clock: Clock,
    mailers: dict[SendingMode, Mailer | None],
    sender: str,
    lead_id: LeadId,
    start: dt.datetime,
    minutes: int,
    title: str | None,
) -> None:
    """The invitation goes out before anything is stored; a closed lead gets none."""
    now = clock.now()
    if start.tzinfo is None or start <= now:
        raise InvalidInput(
            "the meeting needs a future start with a time zone", [Problem("--at", "e.g. 2027-01-12T14:00+01:00")]
        )
    with uow() as unit:
        lead = unit.repository.lead(lead_id)
        if lead is None:
            raise NotFound(f"no lead {lead_id}: list them with `aicmo cam leads`")
        if LeadStage(lead.stage).closed:
            raise Conflict(f"lead {lead_id} is {lead.stage}; a closed lead gets no meeting")
        mode = SendingMode(unit.repository.campaign(lead.campaign_id).mode)
        subject = title or f"Intro call with {lead.company or lead.email}"
        attendee = lead.email.strip()
    ics = invitation(
        lead_id=lead_id, attendee=attendee, organizer=sender, title=subject, start=start, minutes=minutes, stamp=now
    )
    mailer = mailers[mode]
    if mailer is None:
        raise ChannelUnavailable(SkipReason.NO_SMTP)
    mailer.send(invitation_email(to=attendee, title=subject, start=start, minutes=minutes, ics=ics))
    with uow() as unit:
        row = unit.repository.lead(lead_id)
        if row is None:
            raise NotFound(f"lead {lead_id} was deleted while its invitation went out")
        note = f"invitation '{subject}' for {start.isoformat()} ({mode})"
        if row.stage == LeadStage.MEETING:
            unit.repository.add_event(
                LeadEventRow(id=uuid.uuid4(), lead_id=row.id, kind=TimelineKind.MEETING, detail=note, at=clock.now())
            )
        else:
            move_lead(unit.repository, row, LeadStage.MEETING, at=clock.now(), kind=TimelineKind.MEETING, note=note)
        unit.commit()
