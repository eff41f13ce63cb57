"""One worker's pass over the campaigns: release the claims of void workers, claim due
steps in batches under each campaign's cap, send them, record what happened.

Each of those is a use case in its own short transaction (see `use_cases/`). Sending
happens outside any transaction; the result is recorded only if this worker still holds
the claim.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter

from aicmo.cam.api.dtos import Campaign, CycleReport, SendingMode, SkipReason
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.claims import Claim, Sent, Step
from aicmo.cam.internal.lead_fields import visible
from aicmo.cam.internal.messages import UnsubscribeLinks, outreach_email
from aicmo.cam.internal.sending_policy import FAILED, SENT, SIMULATED, in_sending_window
from aicmo.cam.internal.use_cases.campaigns_to_send import campaigns_to_send
from aicmo.cam.internal.use_cases.claim_due_steps import claim_due_steps, count_due
from aicmo.cam.internal.use_cases.record_sends import record_sends
from aicmo.cam.internal.use_cases.release_claims import release_claims
from aicmo.cam.internal.use_cases.time_out_leads import time_out_leads
from aicmo.gateways.api import Mailer
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable


class TakenForSilent(Exception):
    """Another worker released this worker's claims: it stops the cycle rather than send more."""

    def __init__(self, outcomes: Counter[str]) -> None:
        super().__init__(SkipReason.CLAIM_LOST)
        self.outcomes = outcomes


class SendCycle:
    def __init__(
        self,
        uow: CamUnitOfWorkFactory,
        clock: Clock,
        worker_id: uuid.UUID,
        lease: dt.timedelta,
        mailers: dict[SendingMode, Mailer | None],
        links: UnsubscribeLinks,
        batch: int = 100,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._worker_id = worker_id
        self._lease = lease
        self._mailers = mailers
        self._links = links
        self._batch = batch
        self._started = clock.now()

    def run(self) -> CycleReport:
        self._started = self._clock.now()
        released = release_claims(self._uow, self._clock, self._worker_id, self._lease)
        outcomes: Counter[str] = Counter()
        timed_out = 0
        try:
            for campaign, steps in campaigns_to_send(self._uow):
                outcomes.update(self._campaign(campaign, steps))
                timed_out += time_out_leads(self._uow, self._clock, self._worker_id, campaign)
        except TakenForSilent as stopped:
            outcomes.update(stopped.outcomes)
        sent, simulated = outcomes.pop(SENT, 0), outcomes.pop(SIMULATED, 0)
        return CycleReport(
            sent=sent, simulated=simulated, skipped=dict(outcomes), released=released, timed_out=timed_out
        )

    def _campaign(self, campaign: Campaign, steps: list[Step]) -> Counter[str]:
        outcomes: Counter[str] = Counter()
        if not steps:
            return outcomes
        mode = SendingMode(campaign.mode)
        in_window = in_sending_window(campaign.window_start, campaign.window_end, campaign.timezone, self._clock.now())
        no_mailer = self._mailers[mode] is None
        blocked = SkipReason.OUTSIDE_WINDOW if not in_window else SkipReason.NO_SMTP if no_mailer else None
        if blocked:
            outcomes[blocked] += count_due(self._uow, self._clock, campaign.campaign_id, steps, self._started)
            return outcomes
        # A LIVE message is recorded as soon as it is sent, so a crash re-sends nothing that went
        # out; simulated ones are recorded a batch at a time (re-rendering a file harms no one).
        record_every = 1 if mode == SendingMode.LIVE else self._batch
        more = True
        while more:
            batch = claim_due_steps(
                self._uow, self._clock, self._worker_id, campaign.campaign_id, steps, self._started, self._batch
            )
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
            return Sent(
                claim, subject, mailer.send(message), SIMULATED if mode == SendingMode.SIMULATION else SENT, None
            )
        except ChannelUnavailable as failure:
            return Sent(claim, subject, None, FAILED, str(failure))
        except ValueError as unbuildable:
            return Sent(
                claim,
                visible(subject),
                None,
                FAILED,
                f"the message cannot be built from this lead's fields: {unbuildable}",
            )

    def _record_or_stop(self, done: list[Sent], outcomes: Counter[str]) -> None:
        outcomes.update(record_sends(self._uow, self._clock, self._worker_id, done))
        if outcomes[SkipReason.CLAIM_LOST]:
            raise TakenForSilent(outcomes)
