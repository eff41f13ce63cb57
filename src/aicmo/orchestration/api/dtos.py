"""Workflow runs as they cross the orchestration boundary."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from aicmo.kernel.ids import TypedId


class RunId(TypedId):
    """One run of a workflow; also its DBOS workflow id."""


class RunState(StrEnum):
    RUNNING = "RUNNING"
    AWAITING_APPROVAL = "AWAITING_APPROVAL"
    DELIVERED = "DELIVERED"
    QC_FAILED = "QC_FAILED"
    COMPENSATED = "COMPENSATED"
    FAILED = "FAILED"

    @property
    def finished(self) -> bool:
        return self in (RunState.DELIVERED, RunState.QC_FAILED, RunState.COMPENSATED, RunState.FAILED)


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
