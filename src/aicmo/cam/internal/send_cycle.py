"""One worker's pass over the campaigns: release the claims of void workers, claim due
steps in batches under each campaign's cap, send them, record what happened.

Claiming happens in short transactions that first write the worker's heartbeat (on
SQLite this takes the one write lock, so claimers queue) and then lock the campaign row
(on Postgres, so two workers never count the same room under the daily cap). Due leads
are picked `FOR UPDATE SKIP LOCKED`, so a lead that a reply or an operator is moving
right now waits for the next cycle instead of blocking the worker. Sending happens
outside any transaction; the result is recorded only if this worker still holds the claim.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Select, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import CycleReport, IcpRules, LeadStage, SendingMode, SkipReason, TimelineKind
from aicmo.cam.internal.lead_fields import visible
from aicmo.cam.internal.messages import UnsubscribeLinks, outreach_email
from aicmo.cam.internal.models import (
    OWNER,
    CampaignRow,
    LeadEventRow,
    LeadRow,
    SendRow,
    SequenceStepRow,
    SuppressionRow,
)
from aicmo.cam.internal.sending_policy import (
    CLAIMED,
    SUPPRESSED,
    cap_day_start,
    in_sending_window,
    room_under_cap,
    suppression_keys,
    triage,
)
from aicmo.cam.internal.stages import move
from aicmo.cam.internal.workers import WorkerBook
from aicmo.gateways.api import Mailer
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable
from aicmo.platform.db import Database

SENT, SIMULATED, FAILED = "sent", "simulated", "failed"
UNDER_CAP = (CLAIMED, SENT, SIMULATED)
"""Sends that count toward a campaign's daily cap."""
ACTIVE_STAGES = (LeadStage.NEW, LeadStage.CONTACTED)
"""A sequence stops once a lead replies, is qualified, won, lost or unsubscribes."""


class TakenForSilent(Exception):
    """Another worker released this worker's claims: it stops the cycle rather than send more."""

    def __init__(self, outcomes: Counter[str]) -> None:
        super().__init__(SkipReason.CLAIM_LOST)
        self.outcomes = outcomes


@dataclass(frozen=True)
class Claim:
    send_id: uuid.UUID
    lead: LeadRow
    position: int
    variant: dict


@dataclass(frozen=True)
class Sent:
    claim: Claim
    subject: str
    message_id: str | None
    status: str
    error: str | None


@dataclass
class Batch:
    claims: list[Claim]
    skipped: Counter[str]
    more: bool


def pick_variant(step: SequenceStepRow, lead_id: uuid.UUID) -> dict:
    """A stable A/B split: the same lead always gets the same variant of a step."""
    return step.variants[int(hashlib.sha256(str(lead_id).encode()).hexdigest(), 16) % len(step.variants)]


class SendCycle:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        workers: WorkerBook,
        worker_id: uuid.UUID,
        mailers: dict[SendingMode, Mailer | None],
        links: UnsubscribeLinks,
        batch: int = 100,
    ) -> None:
        self._db = db
        self._clock = clock
        self._workers = workers
        self._worker_id = worker_id
        self._mailers = mailers
        self._links = links
        self._batch = batch
        self._started = clock.now()

    def run(self) -> CycleReport:
        self._started = self._clock.now()
        released = self._release()
        outcomes: Counter[str] = Counter()
        with self._db.session_for(OWNER) as session:
            campaigns = session.scalars(select(CampaignRow).order_by(CampaignRow.name)).all()
        timed_out = 0
        try:
            for campaign in campaigns:
                outcomes.update(self._campaign(campaign))
                timed_out += self._time_out(campaign)
        except TakenForSilent as stopped:
            outcomes.update(stopped.outcomes)
        sent, simulated = outcomes.pop(SENT, 0), outcomes.pop(SIMULATED, 0)
        return CycleReport(sent=sent, simulated=simulated, skipped=dict(outcomes), released=released, timed_out=timed_out)

    def _beat(self, session: Session) -> dt.datetime:
        """Write this worker's heartbeat first: on SQLite that takes the write lock for the whole transaction."""
        return self._workers.touch(session, self._worker_id)

    def _release(self) -> int:
        """Delete the claims of stopped or silent workers; their steps become due again."""
        with self._db.session_for(OWNER) as session:
            now = self._beat(session)
            void = self._workers.void_workers(now)
            stale = session.execute(
                select(SendRow.id, SendRow.lead_id, SendRow.position, SendRow.worker_id)
                .where(SendRow.status == CLAIMED, or_(SendRow.worker_id.is_(None), SendRow.worker_id.in_(void)))
                .with_for_update(skip_locked=True)
            ).all()
            if stale:
                session.execute(delete(SendRow).where(SendRow.id.in_([row.id for row in stale])))
                session.add_all(
                    LeadEventRow(
                        id=uuid.uuid4(),
                        lead_id=row.lead_id,
                        kind=TimelineKind.EMAIL,
                        detail=f"step {row.position}: the claim of silent worker {row.worker_id} was released;"
                        " the step is due again",
                        at=now,
                    )
                    for row in stale
                )
        return len(stale)

    def _campaign(self, campaign: CampaignRow) -> Counter[str]:
        outcomes: Counter[str] = Counter()
        with self._db.session_for(OWNER) as session:
            steps = session.scalars(select(SequenceStepRow).where(SequenceStepRow.campaign_id == campaign.id).order_by(SequenceStepRow.position)).all()
        if not steps:
            return outcomes
        mode = SendingMode(campaign.mode)
        in_window = in_sending_window(campaign.window_start, campaign.window_end, campaign.timezone, self._clock.now())
        no_mailer = self._mailers[mode] is None
        blocked = SkipReason.OUTSIDE_WINDOW if not in_window else SkipReason.NO_SMTP if no_mailer else None
        if blocked:
            with self._db.session_for(OWNER) as session:
                outcomes[blocked] += self._due_count(session, campaign.id, steps, self._clock.now())
            return outcomes
        # A LIVE message is recorded as soon as it is sent, so a crash re-sends nothing that went
        # out; simulated ones are recorded a batch at a time (re-rendering a file harms no one).
        record_every = 1 if mode == SendingMode.LIVE else self._batch
        more = True
        while more:
            batch = self._claim(campaign.id, steps)
            outcomes.update(batch.skipped)
            done: list[Sent] = []
            for claim in batch.claims:
                done.append(self._send(mode, claim))
                if len(done) == record_every:
                    self._record_or_stop(done, outcomes)
                    done = []
            self._record_or_stop(done, outcomes)
            more = batch.more
        return outcomes

    def _time_out(self, campaign: CampaignRow) -> int:
        """Close as LOST the leads still CONTACTED `reply_timeout_days` after their last step went out."""
        with self._db.session_for(OWNER) as session:
            now = self._beat(session)
            last = session.scalar(select(func.max(SequenceStepRow.position)).where(SequenceStepRow.campaign_id == campaign.id))
            if last is None:
                return 0
            finished = select(SendRow.id).where(
                SendRow.lead_id == LeadRow.id, SendRow.position == last, SendRow.status != CLAIMED, SendRow.at <= now - dt.timedelta(days=campaign.reply_timeout_days)
            )
            leads = session.scalars(
                select(LeadRow).where(LeadRow.campaign_id == campaign.id, LeadRow.stage == LeadStage.CONTACTED, finished.exists()).with_for_update(skip_locked=True)
            ).all()
            icp = IcpRules.model_validate(campaign.icp)
            for lead in leads:
                note = f"no reply {campaign.reply_timeout_days} days after the last step"
                move(session, lead, LeadStage.LOST, at=now, kind=TimelineKind.TIMEOUT, note=note, icp=icp)
        return len(leads)

    def _due(self, campaign_id: uuid.UUID, step: SequenceStepRow, now: dt.datetime) -> Select:
        """Active leads of the campaign without this step, whose previous step went out at least `delay_days`
        ago and before this cycle began (a lead gets one step per cycle, even when the delay is 0)."""
        this_step = select(SendRow.id).where(SendRow.lead_id == LeadRow.id, SendRow.position == step.position).exists()
        query = select(LeadRow).where(LeadRow.campaign_id == campaign_id, LeadRow.stage.in_(ACTIVE_STAGES), ~this_step)
        if step.position > 1:
            cutoff = now - dt.timedelta(days=step.delay_days)
            previous = select(SendRow.id).where(
                SendRow.lead_id == LeadRow.id, SendRow.position == step.position - 1, SendRow.status != CLAIMED, SendRow.at <= cutoff, SendRow.at < self._started
            )
            query = query.where(previous.exists())
        return query

    def _due_count(self, session: Session, campaign_id: uuid.UUID, steps: list[SequenceStepRow], now: dt.datetime) -> int:
        return sum(session.scalar(select(func.count()).select_from(self._due(campaign_id, step, now).subquery())) or 0 for step in steps)

    def _claim(self, campaign_id: uuid.UUID, steps: list[SequenceStepRow]) -> Batch:
        """Claim the next batch of due steps of one campaign, within its daily cap."""
        with self._db.session_for(OWNER) as session:
            now = self._beat(session)
            campaign = session.scalars(select(CampaignRow).where(CampaignRow.id == campaign_id).with_for_update()).one()
            if campaign.paused:
                due = self._due_count(session, campaign_id, steps, now)
                return Batch([], Counter({SkipReason.CAMPAIGN_PAUSED: due}), more=False)
            day_start = cap_day_start(campaign.timezone, now)
            used = session.scalar(
                select(func.count()).select_from(SendRow).where(SendRow.campaign_id == campaign_id, SendRow.status.in_(UNDER_CAP), SendRow.at >= day_start)
            )
            room = room_under_cap(campaign.daily_cap, used or 0)
            if room <= 0:
                due = self._due_count(session, campaign_id, steps, now)
                return Batch([], Counter({SkipReason.DAILY_CAP: due}), more=False)
            for step in steps:
                leads = session.scalars(
                    self._due(campaign_id, step, now)
                    .order_by(LeadRow.score.desc(), LeadRow.created_at, LeadRow.id)
                    .limit(self._batch)
                    .with_for_update(skip_locked=True, of=LeadRow)
                ).all()
                if leads:
                    return self._take(session, campaign_id, step, leads, now, room)
        return Batch([], Counter(), more=False)

    def _take(self, session: Session, campaign_id: uuid.UUID, step: SequenceStepRow, leads: list[LeadRow], now: dt.datetime, room: int) -> Batch:
        """Record a suppressed lead's step as suppressed; claim the others while the cap has room."""
        keys = suppression_keys(lead.email_key for lead in leads)
        blocked = set(session.scalars(select(SuppressionRow.value).where(SuppressionRow.value.in_(keys))))
        claims, skipped = [], Counter()
        for lead, status in triage([(lead, lead.email_key) for lead in leads], blocked, room):
            variant = pick_variant(step, lead.id)
            send = SendRow(
                id=uuid.uuid4(), lead_id=lead.id, campaign_id=campaign_id, position=step.position, variant=variant["name"], status=status, at=now, worker_id=self._worker_id
            )
            session.add(send)
            if status == SUPPRESSED:
                skipped[SkipReason.SUPPRESSED] += 1
            else:
                claims.append(Claim(send.id, lead, step.position, variant))
        return Batch(claims, skipped, more=True)

    def _send(self, mode: SendingMode, claim: Claim) -> Sent:
        """Send one claim; a message that cannot be built (a lead field the mail format refuses,
        e.g. a line break in a header) fails that lead alone, as a channel failure does."""
        mailer = self._mailers[mode]
        subject = claim.variant["subject"]
        try:
            message = outreach_email(claim.lead, claim.variant, self._links)
            subject = message.subject
            if mailer is None:
                raise ChannelUnavailable(SkipReason.NO_SMTP)
            return Sent(claim, subject, mailer.send(message), SIMULATED if mode == SendingMode.SIMULATION else SENT, None)
        except ChannelUnavailable as failure:
            return Sent(claim, subject, None, FAILED, str(failure))
        except ValueError as unbuildable:
            return Sent(claim, visible(subject), None, FAILED, f"the message cannot be built from this lead's fields: {unbuildable}")

    def _record_or_stop(self, done: list[Sent], outcomes: Counter[str]) -> None:
        outcomes.update(self._record(done))
        if outcomes[SkipReason.CLAIM_LOST]:
            raise TakenForSilent(outcomes)

    def _record(self, done: list[Sent]) -> Counter[str]:
        """Record what was sent, for the claims this worker still holds (a stale worker's were released)."""
        outcomes: Counter[str] = Counter()
        if not done:
            return outcomes
        with self._db.session_for(OWNER) as session:
            now = self._beat(session)
            held = set(
                session.scalars(
                    select(SendRow.id).where(SendRow.id.in_([d.claim.send_id for d in done]), SendRow.worker_id == self._worker_id, SendRow.status == CLAIMED)
                )
            )
            kept = [d for d in done if d.claim.send_id in held]
            if len(kept) < len(done):
                outcomes[SkipReason.CLAIM_LOST] += len(done) - len(kept)
            if not kept:
                return outcomes
            table = SendRow.__table__
            session.execute(
                update(table).where(table.c.id == bindparam("send_id")),
                [{"send_id": d.claim.send_id, "status": d.status, "message_id": d.message_id, "error": d.error, "at": now} for d in kept],
            )
            leads = {lead.id: lead for lead in session.scalars(select(LeadRow).where(LeadRow.id.in_([d.claim.lead.id for d in kept])))}
            icp = IcpRules.model_validate(session.get_one(CampaignRow, kept[0].claim.lead.campaign_id).icp)
            for d in kept:
                lead = leads[d.claim.lead.id]
                note = f"step {d.claim.position} variant {d.claim.variant['name']} {d.status}: {d.subject}" + (f" ({d.error})" if d.error else "")
                if d.status != FAILED and lead.stage == LeadStage.NEW:
                    move(session, lead, LeadStage.CONTACTED, at=now, kind=TimelineKind.EMAIL, note=note, icp=icp)
                else:
                    event = LeadEventRow(id=uuid.uuid4(), lead_id=lead.id, kind=TimelineKind.EMAIL, detail=note, at=now)
                    session.add(event)
                outcomes[d.status if d.status != FAILED else SkipReason.SEND_FAILED] += 1
        return outcomes
