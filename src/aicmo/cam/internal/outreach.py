"""The Outreach port: sequences, suppression, meetings, unsubscribe links, and the workers
that send due steps (see `send_cycle.py` for how a step reaches a lead once)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select

from aicmo.cam.api.dtos import (
    CycleReport,
    LeadDetail,
    LeadId,
    LeadStage,
    SendingMode,
    SequenceStep,
    SkipReason,
    TimelineKind,
    WorkerId,
    WorkerStatus,
)
from aicmo.cam.api.ports import LeadPipeline
from aicmo.cam.internal.campaigns import Campaigns
from aicmo.cam.internal.meetings import invitation, invitation_email
from aicmo.cam.internal.messages import UnsubscribeLinks
from aicmo.cam.internal.models import OWNER, CampaignRow, LeadEventRow, LeadRow, SequenceStepRow
from aicmo.cam.internal.personalisation import unknown_tokens
from aicmo.cam.internal.send_cycle import SendCycle
from aicmo.cam.internal.stages import move
from aicmo.cam.internal.suppressions import suppress
from aicmo.cam.internal.workers import IDLE, SENDING, STOPPED, WorkerBook
from aicmo.gateways.api import Mailer
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable, Conflict, InvalidInput, NotFound, Problem
from aicmo.platform.db import Database
from aicmo.platform.heartbeat import Heartbeat


class CycleWorker:
    """An OutreachWorker: cycles under one registered id."""

    def __init__(self, workers: WorkerBook, worker_id: uuid.UUID, cycle: SendCycle) -> None:
        self._workers = workers
        self._id = worker_id
        self._cycle = cycle

    @property
    def worker_id(self) -> WorkerId:
        return WorkerId.parse(self._id)

    def run_cycle(self) -> CycleReport:
        self._workers.beat(self._id, SENDING)
        report = self._cycle.run()
        self._workers.beat(self._id, IDLE, cycle_done=True)
        return report

    def idle(self) -> None:
        self._workers.beat(self._id, IDLE)


class OutreachService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        leads: LeadPipeline,
        *,
        live: Mailer | None,
        simulation: Mailer,
        links: UnsubscribeLinks,
        sender: str,
        lease: dt.timedelta,
    ) -> None:
        self._db = db
        self._leads = leads
        self._sender = sender.rsplit("<", 1)[-1].strip("> ")
        self._clock = clock
        self._mailers = {SendingMode.LIVE: live, SendingMode.SIMULATION: simulation}
        self._links = links
        self._workers = WorkerBook(db, clock, lease)

    def set_sequence(self, campaign: str, steps: list[SequenceStep]) -> list[SequenceStep]:
        problems = [
            Problem(f"steps[{i}].variants[{j}]", f"unknown token {{{{{token}}}}}: use first_name, last_name, company, title, location, industry or website")
            for i, step in enumerate(steps)
            for j, variant in enumerate(step.variants)
            for token in unknown_tokens(variant.subject + variant.body)
        ]
        if problems:
            raise InvalidInput("the sequence uses tokens no lead has", problems)
        with self._db.session_for(OWNER) as session:
            row = Campaigns.row(session, campaign)
            for old in session.scalars(select(SequenceStepRow).where(SequenceStepRow.campaign_id == row.id)):
                session.delete(old)
            session.flush()
            session.add_all(
                SequenceStepRow(id=uuid.uuid4(), campaign_id=row.id, position=n, delay_days=s.delay_days, variants=[v.model_dump() for v in s.variants])
                for n, s in enumerate(steps, start=1)
            )
        return steps

    def suppress(self, value: str, reason: str) -> None:
        with self._db.session_for(OWNER) as session:
            suppress(session, value, reason, self._clock.now())

    def unsubscribe(self, token: str) -> str:
        """Suppress the link's address and close every open lead of it, in any campaign, as LOST."""
        lead_id = self._links.lead_of(token)
        with self._db.session_for(OWNER) as session:
            lead = session.get(LeadRow, lead_id)
            if lead is None:
                raise NotFound("this unsubscribe link names a lead that no longer exists")
            key, address = lead.email_key, lead.email.strip()
        with self._db.session_for(OWNER) as session:
            now = self._clock.now()
            suppress(session, key, "unsubscribe link", now)
            for row in session.scalars(select(LeadRow).where(LeadRow.email_key == key).order_by(LeadRow.id).with_for_update()):
                if not LeadStage(row.stage).closed:
                    note = "unsubscribed by the link in an email"
                    move(session, row, LeadStage.LOST, at=now, kind=TimelineKind.UNSUBSCRIBE, note=note)
        return address

    def invite(self, lead_id: LeadId, start: dt.datetime, minutes: int = 30, title: str | None = None) -> LeadDetail:
        now = self._clock.now()
        if start.tzinfo is None or start <= now:
            raise InvalidInput("the meeting needs a future start with a time zone", [Problem("--at", "e.g. 2027-01-12T14:00+01:00")])
        with self._db.session_for(OWNER) as session:
            lead = session.get(LeadRow, lead_id)
            if lead is None:
                raise NotFound(f"no lead {lead_id}: list them with `aicmo cam leads`")
            if LeadStage(lead.stage).closed:
                raise Conflict(f"lead {lead_id} is {lead.stage}; a closed lead gets no meeting")
            mode = SendingMode(session.get_one(CampaignRow, lead.campaign_id).mode)
            subject = title or f"Intro call with {lead.company or lead.email}"
        ics = invitation(lead_id=lead.id, attendee=lead.email.strip(), organizer=self._sender, title=subject, start=start, minutes=minutes, stamp=now)
        mailer = self._mailers[mode]
        if mailer is None:
            raise ChannelUnavailable(SkipReason.NO_SMTP)
        mailer.send(invitation_email(to=lead.email.strip(), title=subject, start=start, minutes=minutes, ics=ics))
        with self._db.session_for(OWNER) as session:
            row = session.get_one(LeadRow, lead_id)
            note = f"invitation '{subject}' for {start.isoformat()} ({mode})"
            if row.stage == LeadStage.MEETING:
                now = self._clock.now()
                event = LeadEventRow(id=uuid.uuid4(), lead_id=row.id, kind=TimelineKind.MEETING, detail=note, at=now)
                session.add(event)
            else:
                move(session, row, LeadStage.MEETING, at=self._clock.now(), kind=TimelineKind.MEETING, note=note)
        return self._leads.lead(lead_id)

    @contextmanager
    def start_worker(self) -> Iterator[CycleWorker]:
        worker_id = self._workers.register()
        heartbeat = Heartbeat(lambda: self._workers.beat(worker_id), self._workers.lease.total_seconds() / 3, name="cam-heartbeat")
        heartbeat.start()
        try:
            yield CycleWorker(self._workers, worker_id, SendCycle(self._db, self._clock, self._workers, worker_id, self._mailers, self._links))
        finally:
            heartbeat.stop()
            self._workers.beat(worker_id, STOPPED)

    def run_cycle(self) -> CycleReport:
        with self.start_worker() as worker:
            return worker.run_cycle()

    def workers(self) -> list[WorkerStatus]:
        return self._workers.statuses()
