"""Record one reply: thread it to its lead, classify it, and act on the class.

A bounce or an unsubscribe suppresses the address and closes the lead as LOST; any other
reply but an out-of-office moves a NEW or CONTACTED lead to REPLIED, which stops its
sequence. A positive reply waits in the review queue.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from aicmo.cam.api.dtos import LeadStage, ReplyClass, TimelineKind
from aicmo.cam.api.ports import ReplyClassifier
from aicmo.cam.internal.cam_repository import CamRepository, CamUnitOfWorkFactory
from aicmo.cam.internal.models import LeadEventRow, LeadRow, ReplyRow
from aicmo.cam.internal.stages import move_lead
from aicmo.kernel.clock import Clock

SNIPPET = 500
DUPLICATE, UNMATCHED = "duplicate", "unmatched"
_CLOSING = {ReplyClass.BOUNCE, ReplyClass.UNSUBSCRIBE}


@dataclass(frozen=True)
class IncomingReply:
    message_id: str
    sender: str
    """The sender's address as an `email_key`."""
    subject: str
    body: str
    referenced: list[str]
    """The message ids in In-Reply-To and References."""
    received_at: dt.datetime | None


def record_reply(uow: CamUnitOfWorkFactory, clock: Clock, classifier: ReplyClassifier, reply: IncomingReply) -> str:
    """The reply's class, or DUPLICATE (recorded already) or UNMATCHED (no lead of ours)."""
    with uow() as unit:
        repository = unit.repository
        if repository.reply_recorded(reply.message_id):
            return DUPLICATE
        lead = _thread(repository, reply)
        if lead is None:
            return UNMATCHED
        kind = classifier.classify(reply.sender, reply.subject, reply.body)
        repository.add_reply(
            ReplyRow(
                id=uuid.uuid4(),
                lead_id=lead.id,
                message_id=reply.message_id,
                sender=reply.sender,
                subject=reply.subject[:500],
                snippet=reply.body.strip()[:SNIPPET],
                classification=kind,
                needs_review=kind == ReplyClass.POSITIVE,
                received_at=reply.received_at or clock.now(),
            )
        )
        _act(repository, clock.now(), lead, kind)
        unit.commit()
        return kind.value


def _thread(repository: CamRepository, reply: IncomingReply) -> LeadRow | None:
    """The lead a reply answers: by In-Reply-To/References to a message we sent, else by the sender's address."""
    if reply.referenced:
        send = repository.send_by_message_id(reply.referenced)
        if send is not None:
            return repository.lead(send.lead_id)
    return repository.latest_lead_of_address(reply.sender) if reply.sender else None


def _act(repository: CamRepository, now: dt.datetime, lead: LeadRow, kind: ReplyClass) -> None:
    stage, note = LeadStage(lead.stage), f"reply classified {kind}"
    if kind in _CLOSING:
        repository.suppress(lead.email_key, f"reply: {kind}", now)
    if kind in _CLOSING and not stage.closed:
        move_lead(repository, lead, LeadStage.LOST, at=now, kind=TimelineKind.REPLY, note=note)
    elif kind not in _CLOSING and kind != ReplyClass.OUT_OF_OFFICE and stage in (LeadStage.NEW, LeadStage.CONTACTED):
        move_lead(repository, lead, LeadStage.REPLIED, at=now, kind=TimelineKind.REPLY, note=note)
    else:
        repository.add_event(
            LeadEventRow(id=uuid.uuid4(), lead_id=lead.id, kind=TimelineKind.REPLY, detail=note, at=now)
        )
