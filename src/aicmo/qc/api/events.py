"""Events qc publishes."""

from __future__ import annotations

from aicmo.kernel.events import DomainEvent
from aicmo.production.api import PackId
from aicmo.qc.api.dtos import QcRunId


class QcPassed(DomainEvent):
    run_id: QcRunId
    pack_id: PackId
    score: int


class QcFailed(DomainEvent):
    run_id: QcRunId
    pack_id: PackId
    score: int
    blockers: int
