"""Onboarding's tables."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base
from aicmo.platform.events import define_outbox

OWNER = "onboarding"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
OnboardingBase = module_base(OWNER)
OnboardingOutbox = define_outbox(OnboardingBase)


class IntakeRow(OnboardingBase):
    __tablename__ = "onboarding_intakes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    client_name: Mapped[str] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(String(500))
    contact_email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    contact_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    origin_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    """What opened the intake (e.g. the id of a ClientSigned event), so it opens once."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class BriefRow(OnboardingBase):
    __tablename__ = "onboarding_briefs"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    intake_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("onboarding_intakes.id"))
    client_key: Mapped[str] = mapped_column(String(200), unique=True)
    client_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    archived_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class BriefVersionRow(OnboardingBase):
    __tablename__ = "onboarding_brief_versions"
    __table_args__ = (UniqueConstraint("brief_id", "version"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    brief_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("onboarding_briefs.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict] = mapped_column(JSON)
    checksum: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(500))
    capture_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
