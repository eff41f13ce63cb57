"""A pack with open BLOCKER findings is not approved: each is edited away or waived with a reason first."""

from __future__ import annotations

from aicmo.kernel.errors import Conflict
from aicmo.orchestration.api.dtos import RunSummary
from aicmo.qc.api import QcRunId, QualityGate, Severity


def refuse_open_blockers(qc: QualityGate, run: RunSummary) -> None:
    """Raises Conflict when the run's latest QC report still has unwaived BLOCKER findings."""
    if run.qc_run_id is None:
        return
    report = qc.get(QcRunId.parse(run.qc_run_id))
    if report.count(Severity.BLOCKER):
        blockers = report.why_not_passed()[0]
        raise Conflict(f"{blockers}, then approve")
