"""Orchestration's tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base
from aicmo.platform.events import define_outbox

OWNER = "orchestration"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
OrchestrationBase = module_base(OWNER)
OrchestrationOutbox = define_outbox(OrchestrationBase)


class RunRow(OrchestrationBase):
    __tablename__ = "orchestration_runs"
    __table_args__ = (Index("ix_orchestration_runs_state_started_at_id", "state", "started_at", "id"),)
    """A state's runs, newest first, read in index order (the runs list and its cursor)."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    workflow: Mapped[str] = mapped_column(String(60))
    client_name: Mapped[str] = mapped_column(String(200), index=True)
    state: Mapped[str] = mapped_column(String(30))
    current_step: Mapped[str | None] = mapped_column(String(60), nullable=True)
    source: Mapped[str] = mapped_column(String(500))
    folder: Mapped[str] = mapped_column(String(2000))
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    package_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    qc_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    qc_run_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    approval_comment: Mapped[str | None] = mapped_column(Text, nullable=True)


class StepAttemptRow(OrchestrationBase):
    """How often a step of a run began: more than once after a crash or a retry."""

    __tablename__ = "orchestration_step_attempts"

    run_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orchestration_runs.id"), primary_key=True)
    function_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    """DBOS's number for the step within its workflow: the same when the step runs again."""
    step: Mapped[str] = mapped_column(String(60))
    attempts: Mapped[int] = mapped_column(Integer)
    last_started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ExecutorRow(OrchestrationBase):
    """One process that runs workflows: its heartbeat tells the others whether it still lives."""

    __tablename__ = "orchestration_executors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    recovered_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
