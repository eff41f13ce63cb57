"""What happened to each event, per subscriber, and how far each subscriber has read each
outbox: the outbox rows themselves never change."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.orchestration.internal.models import OrchestrationBase
from aicmo.platform.db import UtcDateTime


class EventDeliveryRow(OrchestrationBase):
    __tablename__ = "orchestration_event_deliveries"
    __table_args__ = (UniqueConstraint("event_id", "subscriber"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    source: Mapped[str] = mapped_column(String(60))
    event_type: Mapped[str] = mapped_column(String(120))
    subscriber: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class EventCursorRow(OrchestrationBase):
    """Every event of `event_type` in `source`'s outbox up to `position` has a delivery row for `subscriber`."""

    __tablename__ = "orchestration_event_cursors"

    subscriber: Mapped[str] = mapped_column(String(120), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(120), primary_key=True)
    source: Mapped[str] = mapped_column(String(60), primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger)
