"""QC's use cases behind the QualityGate port."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import InvalidInput, NotFound, Problem
from aicmo.onboarding.api import Brief
from aicmo.platform.db import Database
from aicmo.platform.db.short_ids import resolve_prefix, shortest_prefixes
from aicmo.platform.events import outbox_entry
from aicmo.production.api import ContentPack
from aicmo.qc.api.dtos import Finding, FindingId, QcReport, QcRunId, Severity
from aicmo.qc.api.events import QcFailed, QcPassed
from aicmo.qc.internal.evaluator import checked_catalog, find, score
from aicmo.qc.internal.models import QcFindingRow, QcOutbox, QcRunRow

OWNER = "qc"


class QcService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def evaluate(self, pack: ContentPack, brief: Brief, *, key: str | None = None) -> QcReport:
        if key is not None:
            with self._db.session_for(OWNER) as session:
                earlier = session.scalar(select(QcRunRow).where(QcRunRow.request_key == key))
                if earlier is not None:
                    return _report(earlier, _findings(session, earlier.id))
        findings = find(pack, brief)
        items = [[str(item.item_id), item.kind.value] for item in pack.items]
        scores = score([tuple(i) for i in items], findings)
        run = QcRunRow(
            id=QcRunId.new(),
            pack_id=pack.pack_id,
            request_key=key,
            score=scores.score,
            scores=scores.by_deliverable,
            thresholds=checked_catalog().thresholds,
            items=items,
            passed=scores.passed,
            created_at=self._clock.now(),
        )
        rows = [
            QcFindingRow(id=f.finding_id, run_id=run.id, rule_id=f.rule_id, severity=f.severity, item_id=f.item_id, message=f.message)
            for f in findings
        ]
        with self._db.session_for(OWNER) as session:
            session.add(run)
            session.flush()
            session.add_all(rows)
            session.add(outbox_entry(QcOutbox, _verdict(run, findings)))
        return _report(run, rows)

    def get(self, run_id: QcRunId) -> QcReport:
        with self._db.session_for(OWNER) as session:
            run = session.get(QcRunRow, run_id)
            if run is None:
                raise NotFound(f"no QC run {run_id}")
            return _report(run, _findings(session, run.id))

    def waive(self, finding_id: FindingId, reason: str, by: str) -> QcReport:
        if not reason.strip():
            raise InvalidInput("a waiver needs a reason", [Problem("reason", "say why the finding may stand, e.g. 'client approved the claim'")])
        with self._db.session_for(OWNER) as session:
            row = session.get(QcFindingRow, finding_id)
            if row is None:
                raise NotFound(f"no QC finding {finding_id}: list them with `aicmo qc show RUN`")
            row.waiver_reason, row.waived_by, row.waived_at = reason.strip(), by, self._clock.now()
            session.flush()
            run = session.get_one(QcRunRow, row.run_id)
            rows = _findings(session, run.id)
            scores = score([tuple(i) for i in run.items], [_finding(r) for r in rows])
            run.score, run.scores, run.passed = scores.score, scores.by_deliverable, scores.passed
            return _report(run, rows)

    def finding_id(self, typed: str) -> FindingId:
        with self._db.session_for(OWNER) as session:
            return FindingId.parse(resolve_prefix(session, QcFindingRow.id, typed, what="finding", listed_by="`aicmo qc report RUN`"))

    def short_finding_ids(self, finding_ids: list[FindingId]) -> dict[FindingId, str]:
        with self._db.session_for(OWNER) as session:
            return {FindingId.parse(key): short for key, short in shortest_prefixes(session, QcFindingRow.id, finding_ids).items()}

    def void(self, run_id: QcRunId) -> None:
        with self._db.session_for(OWNER) as session:
            run = session.get(QcRunRow, run_id)
            if run is not None and run.voided_at is None:
                run.voided_at = self._clock.now()


def _verdict(run: QcRunRow, findings: list[Finding]) -> QcPassed | QcFailed:
    if run.passed:
        return QcPassed(run_id=run.id, pack_id=run.pack_id, score=run.score)
    blockers = sum(1 for f in findings if f.severity == Severity.BLOCKER)
    return QcFailed(run_id=run.id, pack_id=run.pack_id, score=run.score, blockers=blockers)


def _findings(session: Session, run_id: object) -> list[QcFindingRow]:
    return list(session.scalars(select(QcFindingRow).where(QcFindingRow.run_id == run_id)))


def _finding(row: QcFindingRow) -> Finding:
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


def _report(run: QcRunRow, rows: list[QcFindingRow]) -> QcReport:
    return QcReport(
        run_id=QcRunId.parse(run.id),
        pack_id=run.pack_id,
        score=run.score,
        scores=run.scores,
        thresholds=run.thresholds,
        passed=run.passed,
        voided=run.voided_at is not None,
        created_at=run.created_at,
        findings=[_finding(row) for row in rows],
    )
