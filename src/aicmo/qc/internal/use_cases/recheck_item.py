"""Check one item again after it changed: its findings in the run are replaced by what the
rules find in it now, and the run is scored again."""

from __future__ import annotations

from aicmo.kernel.errors import Conflict, NotFound
from aicmo.onboarding.api import Brief
from aicmo.production.api import ContentItemId, ContentPack
from aicmo.qc.api.dtos import QcReport, QcRunId
from aicmo.qc.internal.carried_waivers import with_wording
from aicmo.qc.internal.evaluator import find, score
from aicmo.qc.internal.reports import finding, finding_rows, report
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory


def recheck_item(
    uow: QcUnitOfWorkFactory, run_id: QcRunId, pack: ContentPack, brief: Brief, item_id: ContentItemId
) -> QcReport:
    """A waiver given to the item's old wording does not carry over: the wording it judged is gone.
    The run keeps the new wording's digest, so a waiver given to it carries over to the pack's next run."""
    found = [f for f in find(pack, brief) if f.item_id == item_id]
    with uow() as unit:
        run = unit.repository.run(run_id)
        if run is None:
            raise NotFound(f"no QC run {run_id}")
        if run.voided_at is not None:
            raise Conflict(f"QC run {run_id} was voided; its pack is no longer checked")
        if run.pack_id != pack.pack_id or str(item_id) not in {item for item, *_ in run.items}:
            raise NotFound(f"item {item_id} was not checked by QC run {run_id}")
        rows = finding_rows(run.id, found)
        unit.repository.replace_findings(run.id, item_id, rows)
        run.items = with_wording(run.items, next(item for item in pack.items if item.item_id == item_id))
        every = unit.repository.findings_of(run.id)
        scores = score([(item, kind) for item, kind, *_ in run.items], [finding(r) for r in every])
        run.score, run.scores, run.passed = scores.score, scores.by_deliverable, scores.passed
        unit.commit()
        return report(run, every)
