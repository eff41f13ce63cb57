"""Waive a finding: it stops counting, the reason is kept, and its run is scored again.

A finding is waived once: a second waiver is refused rather than replacing who waived it and why."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, InvalidInput, NotFound, Problem
from aicmo.kernel.text import refuse_long_comment
from aicmo.qc.api.dtos import FindingId, QcReport
from aicmo.qc.internal.evaluator import score
from aicmo.qc.internal.reports import finding, report
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory


def waive(uow: QcUnitOfWorkFactory, clock: Clock, finding_id: FindingId, reason: str, by: str) -> QcReport:
    if not reason.strip():
        raise InvalidInput(
            "a waiver needs a reason",
            [Problem("reason", "say why the finding may stand, e.g. 'client approved the claim'")],
        )
    refuse_long_comment("reason", reason.strip())
    with uow() as unit:
        row = unit.repository.finding(finding_id)
        if row is None:
            raise NotFound(f"no QC finding {finding_id}: list them with `aicmo qc show RUN`")
        if row.waived_at is not None:
            raise Conflict(
                f"this finding was already waived by {row.waived_by} on {row.waived_at.day} {row.waived_at:%b %Y}:"
                f" {row.waiver_reason}"
            )
        row.waiver_reason, row.waived_by, row.waived_at = reason.strip(), by, clock.now()
        run = unit.repository.run(row.run_id)
        if run is None:
            raise NotFound(f"no QC run {row.run_id} for finding {finding_id}")
        rows = unit.repository.findings_of(run.id)
        scores = score([(item_id, kind) for item_id, kind, *_ in run.items], [finding(r) for r in rows])
        run.score, run.scores, run.passed = scores.score, scores.by_deliverable, scores.passed
        unit.commit()
        return report(run, rows)
