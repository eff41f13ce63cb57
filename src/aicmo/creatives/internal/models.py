"""Creatives' tables: the ledger of model calls and the responses they returned."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Float, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base

OWNER = "creatives"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
CreativesBase = module_base(OWNER)


class ModelCallRow(CreativesBase):
    """One request to a model: who asked, what it cost, how it ended."""

    __tablename__ = "creatives_model_calls"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    run: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    step: Mapped[str | None] = mapped_column(String(64), nullable=True)
    item: Mapped[str] = mapped_column(String(120))
    round: Mapped[int] = mapped_column(Integer)
    client: Mapped[str] = mapped_column(String(300), index=True)
    provider: Mapped[str] = mapped_column(String(20))
    model: Mapped[str] = mapped_column(String(200))
    prompt_version: Mapped[str] = mapped_column(String(200))
    input_tokens: Mapped[int] = mapped_column(Integer)
    output_tokens: Mapped[int] = mapped_column(Integer)
    cache_read_tokens: Mapped[int] = mapped_column(Integer)
    cache_write_tokens: Mapped[int] = mapped_column(Integer)
    latency_ms: Mapped[int] = mapped_column(Integer)
    retries: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(20))
    cost_usd: Mapped[float] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)


class StoredResponseRow(CreativesBase):
    """A model's answer, kept before the step that asked completes, so a resumed step never pays twice."""

    __tablename__ = "creatives_responses"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    """The asking step, the item, the round and the prompt's hash."""
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
