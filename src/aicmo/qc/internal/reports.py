"""QC's rows as the reports and events the port returns."""

from __future__ import annotations

import uuid

from aicmo.qc.api.dtos import Finding, QcReport, QcRunId, Severity
from aicmo.qc.api.events import QcFailed, QcPassed
from aicmo.qc.internal.models import QcFindingRow, QcRunRow


def verdict(run: QcRunRow, findings: list[Finding]) -> QcPassed | QcFailed:
    if run.passed:
        return QcPassed(run_id=run.id, pack_id=run.pack_id, score=run.score)
    blockers = sum(1 for f in findings if f.severity == Severity.BLOCKER and not f.waived)
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


def finding_rows(run_id: uuid.UUID, findings: list[Finding]) -> list[QcFindingRow]:
    """The rows that store `findings` as the run's."""
    return [
        QcFindingRow(
            id=f.finding_id, run_id=run_id, rule_id=f.rule_id, severity=f.severity, item_id=f.item_id, message=f.message
        )
        for f in findings
    ]


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
