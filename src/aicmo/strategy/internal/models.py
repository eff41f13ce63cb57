"""Strategy's tables."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base
from aicmo.platform.events import define_outbox

OWNER = "strategy"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
StrategyBase = module_base(OWNER)
StrategyOutbox = define_outbox(StrategyBase)


class StrategyRow(StrategyBase):
    __tablename__ = "strategy_documents"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    brief_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    client_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class StrategyVersionRow(StrategyBase):
    __tablename__ = "strategy_versions"
    __table_args__ = (UniqueConstraint("strategy_id", "version"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    strategy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("strategy_documents.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    brief_version_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    request_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    body: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    discarded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
