"""QC's use cases behind the QualityGate port."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import NotFound
from aicmo.onboarding.api import Brief
from aicmo.platform.db import Database
from aicmo.platform.events import outbox_entry
from aicmo.production.api import ContentPack
from aicmo.qc.api.dtos import Finding, QcReport, QcRunId
from aicmo.qc.api.events import QcFailed, QcPassed
from aicmo.qc.internal.evaluator import evaluate
from aicmo.qc.internal.models import QcFindingRow, QcOutbox, QcRunRow

OWNER = "qc"


class QcService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def evaluate(self, pack: ContentPack, brief: Brief) -> QcReport:
        result = evaluate(pack, brief)
        run = QcRunRow(
            id=QcRunId.new(),
            pack_id=pack.pack_id,
            score=result.score,
            threshold=result.threshold,
            passed=result.passed,
            created_at=self._clock.now(),
        )
        rows = [
            QcFindingRow(
                id=uuid.uuid4(),
                run_id=run.id,
                rule_id=f.rule_id,
                severity=f.severity,
                item_id=f.item_id,
                message=f.message,
            )
            for f in result.findings
        ]
        if result.passed:
            event = QcPassed(run_id=run.id, pack_id=pack.pack_id, score=result.score)
        else:
            blockers = sum(1 for f in result.findings if f.severity == "BLOCKER")
            event = QcFailed(run_id=run.id, pack_id=pack.pack_id, score=result.score, blockers=blockers)
        with self._db.session_for(OWNER) as session:
            session.add(run)
            session.flush()
            session.add_all(rows)
            session.add(outbox_entry(QcOutbox, event))
        return _report(run, rows)

    def get(self, run_id: QcRunId) -> QcReport:
        with self._db.session_for(OWNER) as session:
            run = session.get(QcRunRow, run_id)
            if run is None:
                raise NotFound(f"no QC run {run_id}")
            rows = session.scalars(select(QcFindingRow).where(QcFindingRow.run_id == run_id)).all()
            return _report(run, list(rows))

    def void(self, run_id: QcRunId) -> None:
        with self._db.session_for(OWNER) as session:
            run = session.get(QcRunRow, run_id)
            if run is not None and run.voided_at is None:
                run.voided_at = self._clock.now()


def _report(run: QcRunRow, rows: list[QcFindingRow]) -> QcReport:
    return QcReport(
        run_id=QcRunId.parse(run.id),
        pack_id=run.pack_id,
        score=run.score,
        threshold=run.threshold,
        passed=run.passed,
        voided=run.voided_at is not None,
        created_at=run.created_at,
        findings=[Finding(rule_id=r.rule_id, severity=r.severity, item_id=r.item_id, message=r.message) for r in rows],
    )
