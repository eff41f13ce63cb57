"""Orchestration: durable workflows across modules (client_to_delivery), their runs,
approvals and compensations. Its `composition` package is the composition root."""

from aicmo.orchestration.api.dtos import (
    DeliveryState,
    DispatchReport,
    EventRecord,
    RunEvent,
    RunId,
    RunOptions,
    RunPage,
    RunQuery,
    RunState,
    RunSummary,
    StepRecord,
)
from aicmo.orchestration.api.events import WorkflowCompensated, WorkflowCompleted
from aicmo.orchestration.api.ports import EventBus, Workflows

CONTRACT_VERSION = "1.11.0"

__all__ = [
    "CONTRACT_VERSION",
    "DeliveryState",
    "DispatchReport",
    "EventBus",
    "EventRecord",
    "RunEvent",
    "RunId",
    "RunOptions",
    "RunPage",
    "RunQuery",
    "RunState",
    "RunSummary",
    "StepRecord",
    "WorkflowCompensated",
    "WorkflowCompleted",
    "Workflows",
]
