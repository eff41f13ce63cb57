"""CAM's tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base
from aicmo.platform.events import define_outbox

OWNER = "cam"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
CamBase = module_base(OWNER)
CamOutbox = define_outbox(CamBase)


class CampaignRow(CamBase):
    __tablename__ = "cam_campaigns"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    icp: Mapped[dict] = mapped_column(JSON)
    daily_cap: Mapped[int] = mapped_column(Integer)
    window_start: Mapped[dt.time] = mapped_column(Time)
    window_end: Mapped[dt.time] = mapped_column(Time)
    timezone: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(20))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    reply_timeout_days: Mapped[int] = mapped_column(Integer, default=14, server_default="14")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class LeadRow(CamBase):
    __tablename__ = "cam_leads"
    __table_args__ = (
        UniqueConstraint("campaign_id", "email_key"),
        Index("ix_cam_leads_created_at_id_search", "created_at", "id", "email_key", "company"),
        Index("ix_cam_leads_score_created_at_id_search", "score", "created_at", "id", "email_key", "company"),
        Index("ix_cam_leads_stage_created_at_id_score", "stage", "created_at", "id", "score", "campaign_id"),
    )
    """One index per order of the leads table (its keyset pages), holding what the text search
    reads, so a search walks the index and reads only the rows it shows; a stage's newest
    leads and the funnels' stages, by campaign."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cam_campaigns.id"))
    """Found through the unique (campaign_id, email_key) index: an index of its own would only
    slow every import down."""
    email: Mapped[str] = mapped_column(String(320))
    email_key: Mapped[str] = mapped_column(String(320))
    """The email lower-cased and trimmed: what duplicates are found by."""
    first_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    last_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    company: Mapped[str | None] = mapped_column(String(200), nullable=True)
    title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    website: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    industry: Mapped[str | None] = mapped_column(String(200), nullable=True)
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    company_size: Mapped[str | None] = mapped_column(String(50), nullable=True)
    stage: Mapped[str] = mapped_column(String(20))
    score: Mapped[int] = mapped_column(Integer, default=0)
    grade: Mapped[str] = mapped_column(String(1), index=True, default="D")
    score_reasons: Mapped[list] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class LeadEventRow(CamBase):
    __tablename__ = "cam_lead_events"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cam_leads.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class SequenceStepRow(CamBase):
    __tablename__ = "cam_sequence_steps"
    __table_args__ = (UniqueConstraint("campaign_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cam_campaigns.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    delay_days: Mapped[int] = mapped_column(Integer)
    variants: Mapped[list] = mapped_column(JSON)


class SendRow(CamBase):
    """One step for one lead: claimed by a worker, then sent, simulated, failed or suppressed.

    The unique (lead, position) key is what stops a second send; a claim whose worker
    went silent is deleted by the next worker, so the step becomes due again.
    """

    __tablename__ = "cam_sends"
    __table_args__ = (UniqueConstraint("lead_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cam_leads.id"), index=True)
    campaign_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    position: Mapped[int] = mapped_column(Integer)
    variant: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    message_id: Mapped[str | None] = mapped_column(String(300), nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    worker_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)


class WorkerRow(CamBase):
    """A `cam worker` process and its heartbeat: while `last_seen` is fresh, its claims hold."""

    __tablename__ = "cam_workers"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    status: Mapped[str] = mapped_column(String(20))
    cycles: Mapped[int] = mapped_column(Integer, default=0)


class SuppressionRow(CamBase):
    __tablename__ = "cam_suppressions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    value: Mapped[str] = mapped_column(String(320), unique=True)
    """A lower-cased email address, or a domain."""
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ReplyRow(CamBase):
    __tablename__ = "cam_replies"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cam_leads.id"), index=True)
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    sender: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(500))
    snippet: Mapped[str] = mapped_column(Text)
    classification: Mapped[str] = mapped_column(String(20), index=True)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
