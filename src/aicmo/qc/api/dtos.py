"""The quality report as it crosses module boundaries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from aicmo.kernel.ids import TypedId
from aicmo.production.api import ContentItemId, PackId


class QcRunId(TypedId):
    """One evaluation of one pack."""


class FindingId(TypedId):
    """One finding of one run."""


class Severity(StrEnum):
    BLOCKER = "BLOCKER"
    MAJOR = "MAJOR"
    MINOR = "MINOR"


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    finding_id: FindingId
    rule_id: str
    severity: Severity
    item_id: ContentItemId | None
    message: str
    """What is wrong and how to fix it."""
    waived: bool = False
    waiver_reason: str | None = None
    waived_by: str | None = None


class QcReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    run_id: QcRunId
    pack_id: PackId
    score: int
    """The mean score of every item, 0-100."""
    scores: dict[str, int]
    """The score of each deliverable (content kind)."""
    thresholds: dict[str, int]
    """The score each deliverable must reach."""
    passed: bool
    voided: bool
    created_at: dt.datetime
    findings: list[Finding]

    def count(self, severity: Severity) -> int:
        """Findings of one severity that still count (not waived)."""
        return sum(1 for f in self.findings if f.severity == severity and not f.waived)

    def verdict(self) -> str:
        """'passed', or 'not passed: ' and why: an open blocker fails the pack whatever its score."""
        if self.passed:
            return "passed"
        reasons = self.why_not_passed()
        return f"not passed: {'; '.join(reasons)}" if reasons else "not passed"

    def why_not_passed(self) -> list[str]:
        """Open blockers first, then each deliverable below the score it needs; empty when passed."""
        if self.passed:
            return []
        reasons = [
            f"{kind} scores {value}, needs {self.thresholds[kind]}"
            for kind, value in self.scores.items()
            if value < self.thresholds.get(kind, 0)
        ]
        if blockers := self.count(Severity.BLOCKER):
            reasons.insert(
                0,
                "1 blocker open — waive it with a reason or edit the item"
                if blockers == 1
                else f"{blockers} blockers open — waive each with a reason or edit the items",
            )
        return reasons

    def failing_items(self) -> list[ContentItemId]:
        """Items with a finding that still counts, in the order of the findings."""
        seen: dict[ContentItemId, None] = {}
        for finding in self.findings:
            if not finding.waived and finding.item_id is not None:
                seen.setdefault(finding.item_id)
        return list(seen)
