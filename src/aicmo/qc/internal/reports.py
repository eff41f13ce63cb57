"""QC's rows as the reports and events the port returns."""

from __future__ import annotations

from aicmo.qc.api.dtos import Finding, QcReport, QcRunId, Severity
from aicmo.qc.api.events import QcFailed, QcPassed
from aicmo.qc.internal.models import QcFindingRow, QcRunRow


def verdict(run: QcRunRow, findings: list[Finding]) -> QcPassed | QcFailed:
    if run.passed:
        return QcPassed(run_id=run.id, pack_id=run.pack_id, score=run.score)
    blockers = sum(1 for f in findings if f.severity == Severity.BLOCKER)
    return QcFailed(run_id=run.id, pack_id=run.pack_id, score=run.score, blockers=blockers)


def finding(row: QcFindingRow) -> Finding:
    return Finding(
        finding_id=row.id,
        rule_id=row.rule_id,
        severity=row.severity,
        item_id=row.item_id,
        message=row.message,
        waived=row.waived_at is not None,
        waiver_reason=row.waiver_reason,
        waived_by=row.waived_by,
    )


def report(run: QcRunRow, rows: list[QcFindingRow]) -> QcReport:
    return QcReport(
        run_id=QcRunId.parse(run.id),
        pack_id=run.pack_id,
        score=run.score,
        scores=run.scores,
        thresholds=run.thresholds,
        passed=run.passed,
        voided=run.voided_at is not None,
        created_at=run.created_at,
        findings=[finding(row) for row in rows],
    )
