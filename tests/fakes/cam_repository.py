"""CAM's campaigns, leads, sends, suppressions, replies and workers in memory.

It keeps the rules the SQL repository states in its queries (which leads are due, which
claims are stale, which leads timed out, the leads table's filters, orders and pages, an
import's duplicates: `cam_leads.py`), so the use cases are tested on it without a database.
Locks have no meaning in one thread and are not kept.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.internal.lead_fields import email_key
from aicmo.cam.internal.claims import Step
from aicmo.cam.internal.lead_table import LeadFilter, LeadOrder
from aicmo.cam.internal.models import (
    CampaignRow,
    LeadEventRow,
    LeadRow,
    ReplyRow,
    SendRow,
    SequenceStepRow,
    SuppressionRow,
    WorkerRow,
)
from aicmo.cam.internal.scoring import Scorer
from aicmo.cam.internal.sending_policy import ACTIVE_STAGES, CLAIMED
from aicmo.kernel.errors import Conflict
from aicmo.platform.db.short_ids import ListedKeys
from tests.fakes.cam_leads import FakeNewLeads, keeps, page_of


class FakeCamRepository:
    def __init__(self) -> None:
        self.campaigns_by_id: dict[uuid.UUID, CampaignRow] = {}
        self.sequence: dict[uuid.UUID, list[SequenceStepRow]] = {}
        self.leads_by_id: dict[uuid.UUID, LeadRow] = {}
        self.events: list[LeadEventRow] = []
        self.sends: dict[uuid.UUID, SendRow] = {}
        self.suppressions: dict[str, SuppressionRow] = {}
        self.replies_by_id: dict[uuid.UUID, ReplyRow] = {}
        self.workers_by_id: dict[uuid.UUID, WorkerRow] = {}

    def add_campaign(self, row: CampaignRow) -> None:
        if self.campaign_named(row.name) is not None:
            raise Conflict(f"a campaign named {row.name!r} exists already — pick another name")
        self.campaigns_by_id[row.id] = row

    def campaign(self, campaign_id: uuid.UUID, *, lock: bool = False) -> CampaignRow:
        return self.campaigns_by_id[campaign_id]

    def campaign_named(self, name: str) -> CampaignRow | None:
        return next((row for row in self.campaigns_by_id.values() if row.name == name), None)

    def campaigns(self) -> list[CampaignRow]:
        return sorted(self.campaigns_by_id.values(), key=lambda row: row.name)

    def steps(self, campaign_id: uuid.UUID) -> list[SequenceStepRow]:
        return sorted(self.sequence.get(campaign_id, []), key=lambda step: step.position)

    def replace_steps(self, campaign_id: uuid.UUID, steps: list[SequenceStepRow]) -> None:
        self.sequence[campaign_id] = list(steps)

    def add_lead(self, lead: LeadRow) -> None:
        """A lead as an import would store it, for tests that start from stored leads."""
        self.leads_by_id[lead.id] = lead

    @contextmanager
    def new_leads(
        self, campaign_id: uuid.UUID, scorer: Scorer, source: str, now: dt.datetime
    ) -> Iterator[FakeNewLeads]:
        yield FakeNewLeads(self.leads_by_id, campaign_id, scorer, source, now)

    def newest_leads(
        self, *, campaign_id: uuid.UUID | None, stage: LeadStage | None, grade: str | None, limit: int
    ) -> list[LeadRow]:
        chosen = [
            lead
            for lead in self.leads_by_id.values()
            if campaign_id in (None, lead.campaign_id) and stage in (None, lead.stage) and grade in (None, lead.grade)
        ]
        by_address = sorted(chosen, key=lambda lead: lead.email_key)
        return sorted(by_address, key=lambda lead: lead.created_at, reverse=True)[:limit]

    def lead_page(
        self, filters: LeadFilter, order: LeadOrder, after: tuple[object, ...] | None, limit: int
    ) -> list[LeadRow]:
        return page_of(self.leads_by_id.values(), filters, order, after, limit)

    def count_leads(self, filters: LeadFilter, cap: int) -> int:
        return min(cap, sum(1 for lead in self.leads_by_id.values() if keeps(filters, lead)))

    def lead_total(self) -> int:
        return len(self.leads_by_id)

    def lead_totals(self) -> dict[uuid.UUID, int]:
        return dict(Counter(lead.campaign_id for lead in self.leads_by_id.values()))

    def stage_totals(self, stages: list[LeadStage]) -> dict[uuid.UUID, dict[LeadStage, int]]:
        totals: dict[uuid.UUID, dict[LeadStage, int]] = {}
        for lead in self.leads_by_id.values():
            if lead.stage in stages:
                per_stage = totals.setdefault(lead.campaign_id, {})
                per_stage[LeadStage(lead.stage)] = per_stage.get(LeadStage(lead.stage), 0) + 1
        return totals

    def lead_keys(self) -> ListedKeys:
        return ListedKeys(self.leads_by_id)

    def lead_events(self, lead_id: uuid.UUID) -> list[LeadEventRow]:
        return sorted((event for event in self.events if event.lead_id == lead_id), key=lambda e: (e.at, e.kind))

    def lead(self, lead_id: uuid.UUID) -> LeadRow | None:
        return self.leads_by_id.get(lead_id)

    def leads(self, lead_ids: list[uuid.UUID]) -> list[LeadRow]:
        return [self.leads_by_id[lead_id] for lead_id in lead_ids if lead_id in self.leads_by_id]

    def leads_of_address(self, email_key: str) -> list[LeadRow]:
        return sorted(
            (lead for lead in self.leads_by_id.values() if lead.email_key == email_key), key=lambda lead: lead.id
        )

    def latest_lead_of_address(self, email_key: str) -> LeadRow | None:
        return max(
            (lead for lead in self.leads_by_id.values() if lead.email_key == email_key),
            key=lambda lead: lead.created_at,
            default=None,
        )

    def add_event(self, event: LeadEventRow) -> None:
        self.events.append(event)

    def timeline(self, lead_id: uuid.UUID) -> list[str]:
        """The details of a lead's timeline entries, in the order they were added."""
        return [event.detail for event in self.events if event.lead_id == lead_id]

    def _send_of(self, lead_id: uuid.UUID, position: int) -> SendRow | None:
        return next(
            (send for send in self.sends.values() if send.lead_id == lead_id and send.position == position), None
        )

    def _is_due(self, lead: LeadRow, step: Step, now: dt.datetime, cycle_start: dt.datetime) -> bool:
        if lead.stage not in ACTIVE_STAGES or self._send_of(lead.id, step.position) is not None:
            return False
        if step.position == 1:
            return True
        previous = self._send_of(lead.id, step.position - 1)
        cutoff = now - dt.timedelta(days=step.delay_days)
        return (
            previous is not None and previous.status != CLAIMED and previous.at <= cutoff and previous.at < cycle_start
        )

    def _due(self, campaign_id: uuid.UUID, step: Step, now: dt.datetime, cycle_start: dt.datetime) -> list[LeadRow]:
        leads = [
            lead
            for lead in self.leads_by_id.values()
            if lead.campaign_id == campaign_id and self._is_due(lead, step, now, cycle_start)
        ]
        return sorted(leads, key=lambda lead: (-lead.score, lead.created_at, lead.id))

    def due_leads(
        self, campaign_id: uuid.UUID, step: Step, now: dt.datetime, cycle_start: dt.datetime, limit: int
    ) -> list[LeadRow]:
        return self._due(campaign_id, step, now, cycle_start)[:limit]

    def due_count(self, campaign_id: uuid.UUID, step: Step, now: dt.datetime, cycle_start: dt.datetime) -> int:
        return len(self._due(campaign_id, step, now, cycle_start))

    def counted_sends_since(self, campaign_id: uuid.UUID, statuses: tuple[str, ...], since: dt.datetime) -> int:
        return sum(
            1
            for send in self.sends.values()
            if send.campaign_id == campaign_id and send.status in statuses and send.at >= since
        )

    def add_send(self, send: SendRow) -> None:
        self.sends[send.id] = send

    def send_by_message_id(self, message_ids: list[str]) -> SendRow | None:
        return next((send for send in self.sends.values() if send.message_id in message_ids), None)

    def held_claims(self, send_ids: list[uuid.UUID], worker_id: uuid.UUID) -> set[uuid.UUID]:
        return {
            i
            for i in send_ids
            if i in self.sends and self.sends[i].worker_id == worker_id and self.sends[i].status == CLAIMED
        }

    def record_sends(self, results: list[dict]) -> None:
        for result in results:
            send = self.sends[result["send_id"]]
            send.status, send.message_id, send.error, send.at = (
                result["status"],
                result["message_id"],
                result["error"],
                result["at"],
            )

    def stale_claims(self, void_workers: set[uuid.UUID]) -> list[SendRow]:
        return [
            send
            for send in self.sends.values()
            if send.status == CLAIMED and (send.worker_id is None or send.worker_id in void_workers)
        ]

    def delete_sends(self, send_ids: list[uuid.UUID]) -> None:
        for send_id in send_ids:
            self.sends.pop(send_id, None)

    def timed_out_leads(self, campaign_id: uuid.UUID, last_position: int, sent_before: dt.datetime) -> list[LeadRow]:
        def finished(lead: LeadRow) -> bool:
            send = self._send_of(lead.id, last_position)
            return send is not None and send.status != CLAIMED and send.at <= sent_before

        return [
            lead
            for lead in self.leads_by_id.values()
            if lead.campaign_id == campaign_id and lead.stage == LeadStage.CONTACTED and finished(lead)
        ]

    def suppressed_among(self, keys: set[str]) -> set[str]:
        return keys & self.suppressions.keys()

    def suppress(self, value: str, reason: str, at: dt.datetime) -> bool:
        key = email_key(value)
        if key in self.suppressions:
            return False
        self.suppressions[key] = SuppressionRow(id=uuid.uuid4(), value=key, reason=reason, created_at=at)
        return True

    def reply_recorded(self, message_id: str) -> bool:
        return any(reply.message_id == message_id for reply in self.replies_by_id.values())

    def add_reply(self, reply: ReplyRow) -> None:
        self.replies_by_id[reply.id] = reply

    def handle_replies(self, lead_id: uuid.UUID) -> None:
        for reply in self.replies_by_id.values():
            if reply.lead_id == lead_id:
                reply.needs_review = False

    def replies(self, *, needs_review: bool, classification: str | None, limit: int) -> list[tuple[ReplyRow, str]]:
        chosen = [
            reply
            for reply in self.replies_by_id.values()
            if (reply.needs_review or not needs_review) and classification in (None, reply.classification)
        ]
        latest = sorted(chosen, key=lambda reply: reply.received_at, reverse=True)[:limit]
        return [(reply, self.leads_by_id[reply.lead_id].email) for reply in latest]

    def add_worker(self, worker: WorkerRow) -> None:
        self.workers_by_id[worker.id] = worker

    def touch_worker(
        self, worker_id: uuid.UUID, now: dt.datetime, *, status: str | None = None, cycle_done: bool = False
    ) -> None:
        worker = self.workers_by_id.get(worker_id)
        if worker is None:
            return
        worker.last_seen = now
        worker.status = status or worker.status
        worker.cycles += 1 if cycle_done else 0

    def workers(self) -> list[WorkerRow]:
        return sorted(self.workers_by_id.values(), key=lambda worker: worker.last_seen, reverse=True)

    def void_workers(self, silent_since: dt.datetime, stopped: str) -> set[uuid.UUID]:
        return {
            worker.id
            for worker in self.workers_by_id.values()
            if worker.status == stopped or worker.last_seen < silent_since
        }
