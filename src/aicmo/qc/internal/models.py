"""QC's tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base
from aicmo.platform.events import define_outbox

OWNER = "qc"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
QcBase = module_base(OWNER)
QcOutbox = define_outbox(QcBase)


class QcRunRow(QcBase):
    __tablename__ = "qc_runs"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    pack_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    request_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    score: Mapped[int] = mapped_column(Integer)
    scores: Mapped[dict] = mapped_column(JSON)
    thresholds: Mapped[dict] = mapped_column(JSON)
    items: Mapped[list] = mapped_column(JSON)
    """[item id, kind, digest of its wording] of every item evaluated, to re-score after a waiver and to
    carry a waiver over to the pack's next run while the item's wording stays (runs stored before the
    digest was kept hold [item id, kind])."""
    passed: Mapped[bool] = mapped_column(Boolean)
    voided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class QcFindingRow(QcBase):
    __tablename__ = "qc_findings"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    run_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("qc_runs.id"), index=True)
    rule_id: Mapped[str] = mapped_column(String(60))
    severity: Mapped[str] = mapped_column(String(10))
    item_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    message: Mapped[str] = mapped_column(Text)
    waiver_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    waived_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    waived_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
