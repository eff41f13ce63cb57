"""Workflow runs as they cross the orchestration boundary."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from aicmo.delivery.api import DeliveryTarget
from aicmo.kernel.ids import TypedId


class RunId(TypedId):
    """One run of a workflow; also its DBOS workflow id."""


class RunState(StrEnum):
    RUNNING = "RUNNING"
    AWAITING_APPROVAL = "AWAITING_APPROVAL"
    DELIVERED = "DELIVERED"
    QC_FAILED = "QC_FAILED"
    DELIVERY_FAILED = "DELIVERY_FAILED"
    COMPENSATED = "COMPENSATED"
    FAILED = "FAILED"

    @property
    def finished(self) -> bool:
        return self in (
            RunState.DELIVERED,
            RunState.QC_FAILED,
            RunState.DELIVERY_FAILED,
            RunState.COMPENSATED,
            RunState.FAILED,
        )


class RunOptions(BaseModel):
    """How a run of client_to_delivery behaves."""

    model_config = ConfigDict(frozen=True)

    auto_approve: bool = False
    hold_on_fail: bool = False
    """When QC still fails after the revision, wait for an operator instead of compensating."""
    targets: list[DeliveryTarget] = []
    """Where the package goes besides its folder."""


class DeliveryState(StrEnum):
    """An event's state for one subscriber."""

    PUBLISHED = "published"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    RESUBMITTED = "resubmitted"


class EventRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    event_id: uuid.UUID
    source: str
    event_type: str
    occurred_at: dt.datetime
    subscriber: str
    state: DeliveryState
    attempts: int
    last_error: str | None


class RunEvent(BaseModel):
    """An event a run caused, as stored in a module's outbox."""

    model_config = ConfigDict(frozen=True)

    event_id: uuid.UUID
    source: str
    event_type: str
    occurred_at: dt.datetime


class DispatchReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    completed: int
    failed: int


class StepRecord(BaseModel):
    """One step of a run as DBOS recorded it."""

    model_config = ConfigDict(frozen=True)

    name: str
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    error: str | None
    attempts: int = 1
    """How often the step began: more than once when it ran again after a crash, or was retried."""


class RunSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    run_id: RunId
    workflow: str
    client_name: str
    state: RunState
    current_step: str | None
    started_at: dt.datetime
    updated_at: dt.datetime
    finished_at: dt.datetime | None
    error: str | None
    folder: str
    package_id: str | None
    qc_score: int | None
    qc_run_id: str | None = None
    """The latest QC report of the run (`aicmo qc report RUN` shows it)."""
    note: str | None = None
    """For the operator while the run waits for a decision: why it waits, or what a revision changed."""


class RunQuery(BaseModel):
    """Which runs to list, newest first, one page at a time."""

    model_config = ConfigDict(frozen=True)

    state: RunState | None = None
    client: str | None = None
    """Only the runs of this client (its brand name, exactly)."""
    qc_report: str | None = None
    """Only the run whose latest QC report this is (the QC run's id): what a finding is about."""
    cursor: str | None = None
    """Where the previous page ended: its `next_cursor`, as it was given; None for the first page."""
    limit: int = Field(default=50, ge=1, le=200)


class RunPage(BaseModel):
    """One page of runs and where the next one starts."""

    model_config = ConfigDict(frozen=True)

    runs: list[RunSummary]
    next_cursor: str | None
    """Pass it as `cursor` for the next page; None on the last page."""
