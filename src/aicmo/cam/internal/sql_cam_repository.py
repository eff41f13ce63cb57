"""CAM's rows in its tables, and its events in `cam_outbox`."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Select, bindparam, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.internal import sql_lead_table
from aicmo.cam.internal.claims import Step
from aicmo.cam.internal.lead_rows import NewLeads, import_page_cache
from aicmo.cam.internal.lead_table import LeadFilter, LeadOrder
from aicmo.cam.internal.models import (
    OWNER,
    CamOutbox,
    CampaignRow,
    LeadEventRow,
    LeadRow,
    ReplyRow,
    SendRow,
    SequenceStepRow,
    SuppressionRow,
    WorkerRow,
)
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory, NewLeadStore
from aicmo.cam.internal.scoring import Scorer
from aicmo.cam.internal.sending_policy import ACTIVE_STAGES, CLAIMED
from aicmo.cam.internal.suppressions import suppress
from aicmo.kernel.errors import Conflict
from aicmo.kernel.events import DomainEvent
from aicmo.platform.db import Database
from aicmo.platform.db.keyset import older_than
from aicmo.platform.db.short_ids import SortedKeys, TableKeys
from aicmo.platform.db.sql_unit_of_work import SqlUnitOfWork
from aicmo.platform.events import outbox_entry


class SqlCamRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_campaign(self, row: CampaignRow) -> None:
        self._session.add(row)
        try:
            self._session.flush()
        except IntegrityError:
            raise Conflict(f"a campaign named {row.name!r} exists already — pick another name") from None

    def campaign(self, campaign_id: uuid.UUID, *, lock: bool = False) -> CampaignRow:
        query = select(CampaignRow).where(CampaignRow.id == campaign_id)
        return self._session.scalars(query.with_for_update() if lock else query).one()

    def campaign_named(self, name: str) -> CampaignRow | None:
        return self._session.scalar(select(CampaignRow).where(CampaignRow.name == name))

    def campaigns(self) -> list[CampaignRow]:
        return list(self._session.scalars(select(CampaignRow).order_by(CampaignRow.name)))

    def steps(self, campaign_id: uuid.UUID) -> list[SequenceStepRow]:
        query = (
            select(SequenceStepRow).where(SequenceStepRow.campaign_id == campaign_id).order_by(SequenceStepRow.position)
        )
        return list(self._session.scalars(query))

    def replace_steps(self, campaign_id: uuid.UUID, steps: list[SequenceStepRow]) -> None:
        self._session.execute(delete(SequenceStepRow).where(SequenceStepRow.campaign_id == campaign_id))
        self._session.add_all(steps)

    def lead(self, lead_id: uuid.UUID) -> LeadRow | None:
        return self._session.get(LeadRow, lead_id)

    def leads(self, lead_ids: list[uuid.UUID]) -> list[LeadRow]:
        return list(self._session.scalars(select(LeadRow).where(LeadRow.id.in_(lead_ids))))

    def leads_of_address(self, email_key: str) -> list[LeadRow]:
        return list(
            self._session.scalars(
                select(LeadRow).where(LeadRow.email_key == email_key).order_by(LeadRow.id).with_for_update()
            )
        )

    def latest_lead_of_address(self, email_key: str) -> LeadRow | None:
        return self._session.scalar(
            select(LeadRow).where(LeadRow.email_key == email_key).order_by(LeadRow.created_at.desc())
        )

    @contextmanager
    def new_leads(
        self, campaign_id: uuid.UUID, scorer: Scorer, source: str, now: dt.datetime
    ) -> Iterator[NewLeadStore]:
        with import_page_cache(self._session):
            yield NewLeads(self._session, campaign_id, scorer, source, now)

    def newest_leads(
        self, *, campaign_id: uuid.UUID | None, stage: LeadStage | None, grade: str | None, limit: int
    ) -> list[LeadRow]:
        query = select(LeadRow).order_by(LeadRow.created_at.desc(), LeadRow.email_key).limit(limit)
        if campaign_id is not None:
            query = query.where(LeadRow.campaign_id == campaign_id)
        if stage is not None:
            query = query.where(LeadRow.stage == stage)
        if grade is not None:
            query = query.where(LeadRow.grade == grade)
        return list(self._session.scalars(query))

    def lead_page(
        self, filters: LeadFilter, order: LeadOrder, after: tuple[object, ...] | None, limit: int
    ) -> list[LeadRow]:
        return sql_lead_table.lead_page(self._session, filters, order, after, limit)

    def count_leads(self, filters: LeadFilter, cap: int) -> int:
        return sql_lead_table.count_leads(self._session, filters, cap)

    def lead_total(self) -> int:
        return sql_lead_table.lead_total(self._session)

    def lead_totals(self) -> dict[uuid.UUID, int]:
        return sql_lead_table.lead_totals(self._session)

    def stage_totals(self, stages: list[LeadStage]) -> dict[uuid.UUID, dict[LeadStage, int]]:
        return sql_lead_table.stage_totals(self._session, stages)

    def lead_keys(self) -> SortedKeys:
        return TableKeys(self._session, LeadRow.id)

    def lead_events(self, lead_id: uuid.UUID) -> list[LeadEventRow]:
        query = select(LeadEventRow).where(LeadEventRow.lead_id == lead_id).order_by(LeadEventRow.at, LeadEventRow.kind)
        return list(self._session.scalars(query))

    def add_event(self, event: LeadEventRow) -> None:
        self._session.add(event)

    def _due(self, campaign_id: uuid.UUID, step: Step, now: dt.datetime, cycle_start: dt.datetime) -> Select:
        this_step = select(SendRow.id).where(SendRow.lead_id == LeadRow.id, SendRow.position == step.position).exists()
        query = select(LeadRow).where(LeadRow.campaign_id == campaign_id, LeadRow.stage.in_(ACTIVE_STAGES), ~this_step)
        if step.position > 1:
            cutoff = now - dt.timedelta(days=step.delay_days)
            previous = select(SendRow.id).where(
                SendRow.lead_id == LeadRow.id,
                SendRow.position == step.position - 1,
                SendRow.status != CLAIMED,
                SendRow.at <= cutoff,
                SendRow.at < cycle_start,
            )
            query = query.where(previous.exists())
        return query

    def due_leads(
        self, campaign_id: uuid.UUID, step: Step, now: dt.datetime, cycle_start: dt.datetime, limit: int
    ) -> list[LeadRow]:
        query = self._due(campaign_id, step, now, cycle_start).order_by(
            LeadRow.score.desc(), LeadRow.created_at, LeadRow.id
        )
        return list(self._session.scalars(query.limit(limit).with_for_update(skip_locked=True, of=LeadRow)))

    def due_count(self, campaign_id: uuid.UUID, step: Step, now: dt.datetime, cycle_start: dt.datetime) -> int:
        return (
            self._session.scalar(
                select(func.count()).select_from(self._due(campaign_id, step, now, cycle_start).subquery())
            )
            or 0
        )

    def counted_sends_since(self, campaign_id: uuid.UUID, statuses: tuple[str, ...], since: dt.datetime) -> int:
        query = (
            select(func.count())
            .select_from(SendRow)
            .where(SendRow.campaign_id == campaign_id, SendRow.status.in_(statuses), SendRow.at >= since)
        )
        return self._session.scalar(query) or 0

    def add_send(self, send: SendRow) -> None:
        self._session.add(send)

    def send_by_message_id(self, message_ids: list[str]) -> SendRow | None:
        return self._session.scalar(select(SendRow).where(SendRow.message_id.in_(message_ids)))

    def held_claims(self, send_ids: list[uuid.UUID], worker_id: uuid.UUID) -> set[uuid.UUID]:
        query = select(SendRow.id).where(
            SendRow.id.in_(send_ids), SendRow.worker_id == worker_id, SendRow.status == CLAIMED
        )
        return set(self._session.scalars(query))

    def record_sends(self, results: list[dict]) -> None:
        table = SendRow.__table__
        self._session.execute(update(table).where(table.c.id == bindparam("send_id")), results)

    def stale_claims(self, void_workers: set[uuid.UUID]) -> list[SendRow]:
        query = select(SendRow).where(
            SendRow.status == CLAIMED, or_(SendRow.worker_id.is_(None), SendRow.worker_id.in_(void_workers))
        )
        return list(self._session.scalars(query.with_for_update(skip_locked=True)))

    def delete_sends(self, send_ids: list[uuid.UUID]) -> None:
        self._session.execute(delete(SendRow).where(SendRow.id.in_(send_ids)))

    def timed_out_leads(self, campaign_id: uuid.UUID, last_position: int, sent_before: dt.datetime) -> list[LeadRow]:
        finished = select(SendRow.id).where(
            SendRow.lead_id == LeadRow.id,
            SendRow.position == last_position,
            SendRow.status != CLAIMED,
            SendRow.at <= sent_before,
        )
        query = select(LeadRow).where(
            LeadRow.campaign_id == campaign_id, LeadRow.stage == LeadStage.CONTACTED, finished.exists()
        )
        return list(self._session.scalars(query.with_for_update(skip_locked=True)))

    def suppressed_among(self, keys: set[str]) -> set[str]:
        return set(self._session.scalars(select(SuppressionRow.value).where(SuppressionRow.value.in_(keys))))

    def suppress(self, value: str, reason: str, at: dt.datetime) -> bool:
        return suppress(self._session, value, reason, at)

    def reply_recorded(self, message_id: str) -> bool:
        return self._session.scalar(select(ReplyRow.id).where(ReplyRow.message_id == message_id)) is not None

    def add_reply(self, reply: ReplyRow) -> None:
        self._session.add(reply)

    def replies(
        self, *, needs_review: bool, classification: str | None, limit: int, cursor: str | None = None
    ) -> list[tuple[ReplyRow, str]]:
        query = (
            select(ReplyRow, LeadRow.email)
            .join(LeadRow, LeadRow.id == ReplyRow.lead_id)
            .order_by(ReplyRow.received_at.desc(), ReplyRow.id.desc())
            .limit(limit)
        )
        if cursor is not None:
            query = query.where(older_than(cursor, ReplyRow.received_at, ReplyRow.id))
        if needs_review:
            query = query.where(ReplyRow.needs_review.is_(True))
        if classification:
            query = query.where(ReplyRow.classification == classification)
        return [(reply, address) for reply, address in self._session.execute(query)]

    def handle_replies(self, lead_id: uuid.UUID) -> None:
        self._session.execute(
            update(ReplyRow)
            .where(ReplyRow.lead_id == lead_id, ReplyRow.needs_review.is_(True))
            .values(needs_review=False)
        )

    def add_worker(self, worker: WorkerRow) -> None:
        self._session.add(worker)

    def touch_worker(
        self, worker_id: uuid.UUID, now: dt.datetime, *, status: str | None = None, cycle_done: bool = False
    ) -> None:
        changes: dict = {"last_seen": now}
        if status:
            changes["status"] = status
        if cycle_done:
            changes["cycles"] = WorkerRow.cycles + 1
        self._session.execute(update(WorkerRow).where(WorkerRow.id == worker_id).values(**changes))

    def workers(self) -> list[WorkerRow]:
        return list(self._session.scalars(select(WorkerRow).order_by(WorkerRow.last_seen.desc())))

    def void_workers(self, silent_since: dt.datetime, stopped: str) -> set[uuid.UUID]:
        return set(
            self._session.scalars(
                select(WorkerRow.id).where(or_(WorkerRow.status == stopped, WorkerRow.last_seen < silent_since))
            )
        )


def store_cam_events(session: Session, events: list[DomainEvent]) -> None:
    session.add_all([outbox_entry(CamOutbox, event) for event in events])


def sql_cam_unit_of_work(db: Database) -> CamUnitOfWorkFactory:
    return lambda: SqlUnitOfWork(db, OWNER, SqlCamRepository, store_cam_events)
