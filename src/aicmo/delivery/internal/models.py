"""Delivery's tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base
from aicmo.platform.events import define_outbox

OWNER = "delivery"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
DeliveryBase = module_base(OWNER)
DeliveryOutbox = define_outbox(DeliveryBase)


class PackageRow(DeliveryBase):
    __tablename__ = "delivery_packages"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    run_key: Mapped[str] = mapped_column(String(100), unique=True)
    client_name: Mapped[str] = mapped_column(String(200))
    folder: Mapped[str] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    voided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)


class ArtifactRow(DeliveryBase):
    __tablename__ = "delivery_artifacts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("delivery_packages.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(2000))


class DeliveryJobRow(DeliveryBase):
    __tablename__ = "delivery_jobs"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("delivery_packages.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(2000))
    idempotency_key: Mapped[str] = mapped_column(String(300), unique=True)
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
