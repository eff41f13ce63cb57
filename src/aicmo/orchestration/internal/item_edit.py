"""An operator's own wording for one item of a run waiting for approval, checked again at once."""

from __future__ import annotations

from aicmo.orchestration.api.dtos import RunSummary
from aicmo.orchestration.internal.wiring import StepPorts
from aicmo.production.api import ContentItemId
from aicmo.qc.api import QcRunId


def edit_waiting_item(ports: StepPorts, run: RunSummary, item_id: ContentItemId, fields: dict[str, str]) -> RunSummary:
    """The item's wording is stored in the pack the run's latest QC report judged, that report
    checks the item again, and the run takes the new score; the approval then delivers it."""
    assert run.qc_run_id is not None, "a run waiting for approval has a QC report"
    report = ports.qc.get(QcRunId.parse(run.qc_run_id))
    pack = ports.production.edit_item(report.pack_id, item_id, fields)
    brief = ports.onboarding.get_version(pack.brief_version_id).brief
    rechecked = ports.qc.recheck_item(report.run_id, pack, brief, item_id)
    ports.runs.update(run.run_id, qc_score=rechecked.score)
    return ports.runs.get(run.run_id)
