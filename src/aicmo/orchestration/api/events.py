"""Events orchestration publishes."""

from __future__ import annotations

from aicmo.kernel.events import DomainEvent
from aicmo.orchestration.api.dtos import RunId


class WorkflowCompleted(DomainEvent):
    run_id: RunId
    workflow: str
    state: str


class WorkflowCompensated(DomainEvent):
    run_id: RunId
    workflow: str
    failed_step: str
    reason: str
