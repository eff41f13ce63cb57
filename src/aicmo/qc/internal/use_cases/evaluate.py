"""Evaluate a pack: every rule over every item, the findings (with the waivers that still hold) and the
scores stored with the verdict."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import Brief
from aicmo.production.api import ContentPack
from aicmo.qc.api.dtos import QcReport, QcRunId
from aicmo.qc.internal.evaluator import checked_catalog, find, score
from aicmo.qc.internal.models import QcRunRow
from aicmo.qc.internal.carried_waivers import carry_waivers, checked_items
from aicmo.qc.internal.reports import finding, finding_rows, report, verdict
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory


def evaluate(uow: QcUnitOfWorkFactory, clock: Clock, pack: ContentPack, brief: Brief, key: str | None) -> QcReport:
    """A second call with the same `key` returns the report the first one stored."""
    if key is not None:
        with uow() as unit:
            earlier = unit.repository.run_for_key(key)
            if earlier is not None:
                return report(earlier, unit.repository.findings_of(earlier.id))
    run_id = QcRunId.new()
    rows = finding_rows(run_id, find(pack, brief))
    with uow() as unit:
        carry_waivers(unit.repository, pack, rows)
        findings = [finding(row) for row in rows]
        scores = score([(str(item.item_id), item.kind.value) for item in pack.items], findings)
        run = QcRunRow(
            id=run_id,
            pack_id=pack.pack_id,
            request_key=key,
            score=scores.score,
            scores=scores.by_deliverable,
            thresholds=checked_catalog().thresholds,
            items=checked_items(pack),
            passed=scores.passed,
            created_at=clock.now(),
        )
        unit.repository.add(run, rows)
        unit.publish(verdict(run, findings))
        unit.commit()
    return report(run, rows)
