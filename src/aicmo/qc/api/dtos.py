"""The quality report as it crosses module boundaries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from aicmo.kernel.ids import TypedId
from aicmo.production.api import ContentItemId, PackId


class QcRunId(TypedId):
    """One evaluation of one pack."""


class Severity(StrEnum):
    BLOCKER = "BLOCKER"
    MAJOR = "MAJOR"
    MINOR = "MINOR"


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule_id: str
    severity: Severity
    item_id: ContentItemId | None
    message: str
    """What is wrong and how to fix it."""


class QcReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    run_id: QcRunId
    pack_id: PackId
    score: int
    threshold: int
    passed: bool
    voided: bool
    created_at: dt.datetime
    findings: list[Finding]

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)
