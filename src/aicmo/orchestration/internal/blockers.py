"""A pack with open BLOCKER findings is not approved: each is edited away or waived with a reason first."""

from __future__ import annotations

from aicmo.kernel.errors import Conflict
from aicmo.orchestration.api.dtos import RunSummary
from aicmo.qc.api import QcRunId, QualityGate, Severity


def refuse_open_blockers(qc: QualityGate, run: RunSummary) -> None:
    """Raises Conflict when the run's latest QC report still has unwaived BLOCKER findings."""
    if run.qc_run_id is None:
        return
    open_blockers = qc.get(QcRunId.parse(run.qc_run_id)).count(Severity.BLOCKER)
    if open_blockers:
        findings = "finding is" if open_blockers == 1 else "findings are"
        raise Conflict(
            f"{open_blockers} blocker {findings} open: edit those items or waive each with a reason"
            f" (`aicmo qc waive FINDING --reason TEXT` / the run page), then approve"
        )
