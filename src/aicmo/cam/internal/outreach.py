"""The Outreach port: sequences, suppression, and the cycle that sends due steps safely.

A step goes to a lead only inside the campaign's sending window, under its daily cap,
when neither the campaign nor the address (or its domain) is paused or suppressed. The
send row is inserted before the message goes out; its unique (lead, step) key makes a
second worker's attempt fail, so nobody gets a step twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import uuid
from collections import Counter
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import CycleReport, LeadDetail, LeadId, LeadStage, SendingMode, SequenceStep
from aicmo.cam.api.ports import LeadPipeline
from aicmo.cam.internal.campaigns import Campaigns
from aicmo.cam.internal.models import CampaignRow, LeadEventRow, LeadRow, SendRow, SequenceStepRow, SuppressionRow
from aicmo.cam.internal.meetings import invitation, invitation_email
from aicmo.cam.internal.personalisation import personalise, unknown_tokens
from aicmo.gateways.api import EmailMessage, Mailer
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable, Conflict, InvalidInput, NotFound, Problem
from aicmo.platform.db import Database

OWNER = "cam"
ACTIVE_STAGES = (LeadStage.NEW, LeadStage.CONTACTED)
"""A sequence stops once a lead replies, is qualified, won, lost or unsubscribes."""


class OutreachService:
    def __init__(
        self, db: Database, clock: Clock, leads: LeadPipeline, *, live: Mailer | None, simulation: Mailer, public_url: str, key: bytes, sender: str
    ) -> None:
        self._db = db
        self._leads = leads
        self._sender = sender.rsplit("<", 1)[-1].strip("> ")
        self._clock = clock
        self._mailers = {SendingMode.LIVE: live, SendingMode.SIMULATION: simulation}
        self._public_url = public_url.rstrip("/")
        self._key = key

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
        key = value.strip().casefold()
        with self._db.session_for(OWNER) as session:
            if session.scalar(select(SuppressionRow).where(SuppressionRow.value == key)) is None:
                session.add(SuppressionRow(id=uuid.uuid4(), value=key, reason=reason, created_at=self._clock.now()))

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
            raise ChannelUnavailable("LIVE sending needs AICMO_SMTP_URL")
        mailer.send(invitation_email(to=lead.email.strip(), title=subject, start=start, minutes=minutes, ics=ics))
        with self._db.session_for(OWNER) as session:
            row = session.get_one(LeadRow, lead_id)
            before = row.stage
            row.stage = LeadStage.MEETING
            detail = f"{before} → MEETING: invitation '{subject}' for {start.isoformat()} ({mode})"
            session.add(LeadEventRow(id=uuid.uuid4(), lead_id=row.id, kind="meeting", detail=detail, at=now))
        return self._leads.lead(lead_id)

    def run_cycle(self) -> CycleReport:
        skipped: Counter[str] = Counter()
        sent = simulated = 0
        with self._db.session_for(OWNER) as session:
            campaigns = list(session.scalars(select(CampaignRow)))
            suppressed = set(session.scalars(select(SuppressionRow.value)))
        for campaign in campaigns:
            for outcome in self._campaign_cycle(campaign, suppressed):
                if outcome == "sent":
                    sent += 1
                elif outcome == "simulated":
                    simulated += 1
                else:
                    skipped[outcome] += 1
        return CycleReport(sent=sent, simulated=simulated, skipped=dict(skipped))

    def _campaign_cycle(self, campaign: CampaignRow, suppressed: set[str]) -> list[str]:
        now = self._clock.now()
        local = now.astimezone(ZoneInfo(campaign.timezone))
        with self._db.session_for(OWNER) as session:
            steps = list(session.scalars(select(SequenceStepRow).where(SequenceStepRow.campaign_id == campaign.id).order_by(SequenceStepRow.position)))
            due = self._due(session, campaign, steps, now)
            day_start = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)
            sent_today = session.scalar(select(func.count()).select_from(SendRow).where(SendRow.campaign_id == campaign.id, SendRow.at >= day_start)) or 0
        if not due:
            return []
        if campaign.paused:
            return ["campaign paused"] * len(due)
        if not campaign.window_start <= local.time() < campaign.window_end:
            return ["outside the sending window"] * len(due)
        outcomes = []
        room = max(0, campaign.daily_cap - sent_today)
        for lead, step in due:
            email = lead.email.strip().casefold()
            if email in suppressed or email.rpartition("@")[2] in suppressed:
                outcomes.append("suppressed")
            elif room == 0:
                outcomes.append("daily cap")
            else:
                outcome = self._send(campaign, lead, step)
                room -= outcome in ("sent", "simulated")
                outcomes.append(outcome)
        return outcomes

    def _due(self, session: Session, campaign: CampaignRow, steps: list[SequenceStepRow], now: dt.datetime) -> list[tuple[LeadRow, SequenceStepRow]]:
        """Each active lead's next step, when its delay since the previous step has passed."""
        if not steps:
            return []
        last = dict(
            session.execute(
                select(SendRow.lead_id, func.max(SendRow.position)).where(SendRow.campaign_id == campaign.id).group_by(SendRow.lead_id)
            ).all()
        )
        last_at = dict(
            session.execute(select(SendRow.lead_id, func.max(SendRow.at)).where(SendRow.campaign_id == campaign.id).group_by(SendRow.lead_id)).all()
        )
        leads = session.scalars(select(LeadRow).where(LeadRow.campaign_id == campaign.id, LeadRow.stage.in_(ACTIVE_STAGES)).order_by(LeadRow.score.desc(), LeadRow.created_at))
        due = []
        for lead in leads:
            position = (last.get(lead.id) or 0) + 1
            if position > len(steps):
                continue
            step = steps[position - 1]
            previous = last_at.get(lead.id)
            if previous is None or previous + dt.timedelta(days=step.delay_days) <= now:
                due.append((lead, step))
        return due

    def _send(self, campaign: CampaignRow, lead: LeadRow, step: SequenceStepRow) -> str:
        variant = step.variants[int(hashlib.sha256(str(lead.id).encode()).hexdigest(), 16) % len(step.variants)]
        send_id = uuid.uuid4()
        try:
            with self._db.session_for(OWNER) as session:
                session.add(SendRow(id=send_id, lead_id=lead.id, campaign_id=campaign.id, position=step.position, variant=variant["name"], status="sending", at=self._clock.now()))
        except IntegrityError:
            return "sent by another worker"
        mode = SendingMode(campaign.mode)
        mailer = self._mailers[mode]
        message = self._message(lead, variant)
        try:
            if mailer is None:
                raise ChannelUnavailable("LIVE sending needs AICMO_SMTP_URL")
            message_id, status, error = mailer.send(message), ("simulated" if mode == SendingMode.SIMULATION else "sent"), None
        except ChannelUnavailable as failure:
            message_id, status, error = None, "failed", str(failure)
        with self._db.session_for(OWNER) as session:
            row = session.get_one(SendRow, send_id)
            row.status, row.message_id, row.error = status, message_id, error
            if status != "failed":
                lead_row = session.get_one(LeadRow, lead.id)
                if lead_row.stage == LeadStage.NEW:
                    lead_row.stage = LeadStage.CONTACTED
                detail = f"step {step.position} variant {variant['name']} {status}: {message.subject}"
                session.add(LeadEventRow(id=uuid.uuid4(), lead_id=lead.id, kind="email", detail=detail, at=self._clock.now()))
        return status if status != "failed" else "send failed"

    def _message(self, lead: LeadRow, variant: dict) -> EmailMessage:
        fields = {name: getattr(lead, name) for name in ("first_name", "last_name", "company", "title", "location", "industry", "website")}
        token = f"{lead.id}.{hmac.new(self._key, str(lead.id).encode(), hashlib.sha256).hexdigest()[:32]}"
        link = f"{self._public_url}/unsubscribe/{token}"
        body = f"{personalise(variant['body'], fields)}\n\n—\nNo more emails from us: {link}"
        return EmailMessage(
            to=lead.email.strip(),
            subject=personalise(variant["subject"], fields),
            body=body,
            headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
