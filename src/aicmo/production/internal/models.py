"""Production's tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, Time, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base
from aicmo.platform.events import define_outbox

OWNER = "production"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
ProductionBase = module_base(OWNER)
ProductionOutbox = define_outbox(ProductionBase)


class PackRow(ProductionBase):
    __tablename__ = "production_packs"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    client_name: Mapped[str] = mapped_column(String(200))
    brief_version_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    strategy_version_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    status: Mapped[str] = mapped_column(String(20))
    request_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    revision_keys: Mapped[list] = mapped_column(JSON, default=list)
    """Keys of the revisions already applied, so a repeated revision step changes nothing."""
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    discarded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)


class ContentItemRow(ProductionBase):
    __tablename__ = "production_items"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    pack_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("production_packs.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str | None] = mapped_column(String(40), nullable=True)
    scheduled_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    scheduled_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    """Local posting time in the brief's time zone."""
    fields: Mapped[dict] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    writer: Mapped[str] = mapped_column(String(200), default="template", server_default="template")
    prompt_version: Mapped[str | None] = mapped_column(String(80), nullable=True)
    fallback_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
