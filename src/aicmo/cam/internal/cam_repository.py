"""CAM's storage as its use cases see it: campaigns, sequences, leads (imported a batch at a
time, paged and counted for the leads table) and their timelines, sends (and the claims
among them), suppressions, replies and the workers' heartbeats.

Reads that a use case changes lock what they return (`FOR UPDATE`, on Postgres), and the
due leads a worker claims skip the locked ones, so a lead that a reply or an operator is
moving waits for the next cycle instead of blocking the worker.
"""

from __future__ import annotations

import datetime as dt
import uuid
from contextlib import AbstractContextManager
from typing import Protocol

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.internal.claims import Step
from aicmo.cam.internal.lead_table import LeadFilter, LeadOrder
from aicmo.cam.internal.models import CampaignRow, LeadEventRow, LeadRow, ReplyRow, SendRow, SequenceStepRow, WorkerRow
from aicmo.cam.internal.scoring import Scorer
from aicmo.platform.db.short_ids import SortedKeys
from aicmo.platform.db.unit_of_work import UnitOfWork, UnitOfWorkFactory


class NewLeadStore(Protocol):
    def store(self, leads: list[dict[str, str | None]]) -> int:
        """Store a batch of leads (fields and `email_key`), skipping the addresses the campaign
        has already, this import's included; how many were stored."""
        ...


class CamRepository(Protocol):
    def add_campaign(self, row: CampaignRow) -> None:
        """Store a new campaign; raises Conflict when its name is taken."""
        ...

    def campaign(self, campaign_id: uuid.UUID, *, lock: bool = False) -> CampaignRow:
        """The campaign; with `lock`, held until the commit, so two workers never share its daily cap."""
        ...

    def campaign_named(self, name: str) -> CampaignRow | None: ...

    def campaigns(self) -> list[CampaignRow]:
        """Every campaign, by name."""
        ...

    def steps(self, campaign_id: uuid.UUID) -> list[SequenceStepRow]:
        """The campaign's sequence, by position."""
        ...

    def replace_steps(self, campaign_id: uuid.UUID, steps: list[SequenceStepRow]) -> None: ...

    def lead(self, lead_id: uuid.UUID) -> LeadRow | None: ...

    def leads(self, lead_ids: list[uuid.UUID]) -> list[LeadRow]: ...

    def leads_of_address(self, email_key: str) -> list[LeadRow]:
        """Every lead with this address, in any campaign, locked, by id."""
        ...

    def latest_lead_of_address(self, email_key: str) -> LeadRow | None: ...

    def new_leads(
        self, campaign_id: uuid.UUID, scorer: Scorer, source: str, now: dt.datetime
    ) -> AbstractContextManager[NewLeadStore]:
        """Where one import stores its batches: into the campaign, at NEW, scored by `scorer`,
        from `source`, stored at `now` plus a microsecond per lead offered, in the file's order
        (so the newest-first table lists the file's last row first)."""
        ...

    def newest_leads(
        self, *, campaign_id: uuid.UUID | None, stage: LeadStage | None, grade: str | None, limit: int
    ) -> list[LeadRow]:
        """The latest `limit` leads (of the campaign, stage and grade given), ties by address."""
        ...

    def lead_page(
        self, filters: LeadFilter, order: LeadOrder, after: tuple[object, ...] | None, limit: int
    ) -> list[LeadRow]:
        """Up to `limit` leads that `filters` keep, in `order`, from just after the sort key `after`."""
        ...

    def count_leads(self, filters: LeadFilter, cap: int) -> int:
        """How many leads `filters` keep, counting no further than `cap`."""
        ...

    def lead_total(self) -> int:
        """How many leads all campaigns hold."""
        ...

    def lead_totals(self) -> dict[uuid.UUID, int]:
        """How many leads each campaign that has leads holds."""
        ...

    def stage_totals(self, stages: list[LeadStage]) -> dict[uuid.UUID, dict[LeadStage, int]]:
        """How many leads of each campaign stand at each of `stages`; a stage without leads is left out."""
        ...

    def lead_keys(self) -> SortedKeys:
        """Every lead's id, in order: what a typed prefix is resolved among."""
        ...

    def lead_events(self, lead_id: uuid.UUID) -> list[LeadEventRow]:
        """The lead's timeline entries, by time, then kind."""
        ...

    def add_event(self, event: LeadEventRow) -> None:
        """Add an entry to a lead's timeline."""
        ...

    def due_leads(
        self, campaign_id: uuid.UUID, step: Step, now: dt.datetime, cycle_start: dt.datetime, limit: int
    ) -> list[LeadRow]:
        """Active leads of the campaign without this step, whose previous step went out at least
        `delay_days` before `now` and before `cycle_start`; best score first, locked, skipping locked ones."""
        ...

    def due_count(self, campaign_id: uuid.UUID, step: Step, now: dt.datetime, cycle_start: dt.datetime) -> int:
        """How many leads `due_leads` would find without a limit."""
        ...

    def counted_sends_since(self, campaign_id: uuid.UUID, statuses: tuple[str, ...], since: dt.datetime) -> int:
        """The campaign's sends with one of these statuses since `since`."""
        ...

    def add_send(self, send: SendRow) -> None: ...

    def send_by_message_id(self, message_ids: list[str]) -> SendRow | None:
        """The send whose message id is one of these (a reply's In-Reply-To and References)."""
        ...

    def held_claims(self, send_ids: list[uuid.UUID], worker_id: uuid.UUID) -> set[uuid.UUID]:
        """Which of these sends are still claims of this worker."""
        ...

    def record_sends(self, results: list[dict]) -> None:
        """Update sends from dicts of send_id, status, message_id, error and at."""
        ...

    def stale_claims(self, void_workers: set[uuid.UUID]) -> list[SendRow]:
        """Claims held by no worker or by a void one, skipping locked ones."""
        ...

    def delete_sends(self, send_ids: list[uuid.UUID]) -> None: ...

    def timed_out_leads(self, campaign_id: uuid.UUID, last_position: int, sent_before: dt.datetime) -> list[LeadRow]:
        """CONTACTED leads of the campaign whose last step went out before `sent_before`, locked,
        skipping locked ones."""
        ...

    def suppressed_among(self, keys: set[str]) -> set[str]:
        """Which of these addresses and domains are on the suppression list."""
        ...

    def suppress(self, value: str, reason: str, at: dt.datetime) -> bool:
        """Add a key to the suppression list once; False when it was there already."""
        ...

    def reply_recorded(self, message_id: str) -> bool: ...

    def add_reply(self, reply: ReplyRow) -> None: ...

    def replies(
        self, *, needs_review: bool, classification: str | None, limit: int, cursor: str | None = None
    ) -> list[tuple[ReplyRow, str]]:
        """The latest replies (of one class, when `classification` is given; after `cursor`, when
        given), each with its lead's address."""
        ...

    def handle_replies(self, lead_id: uuid.UUID) -> None:
        """Take the lead's replies out of the review queue."""
        ...

    def add_worker(self, worker: WorkerRow) -> None: ...

    def touch_worker(
        self, worker_id: uuid.UUID, now: dt.datetime, *, status: str | None = None, cycle_done: bool = False
    ) -> None:
        """Mark the worker seen at `now`; on SQLite this first write takes the lock for the transaction."""
        ...

    def workers(self) -> list[WorkerRow]:
        """Every worker, most recently seen first."""
        ...

    def void_workers(self, silent_since: dt.datetime, stopped: str) -> set[uuid.UUID]:
        """Workers whose status is `stopped` or not seen since `silent_since`."""
        ...


CamUnitOfWork = UnitOfWork[CamRepository]
CamUnitOfWorkFactory = UnitOfWorkFactory[CamRepository]
