"""A run's latest QC report, and waiving one of its findings with a reason, as `aicmo qc
report` and `aicmo qc waive` do."""

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from aicmo.kernel.errors import NotFound
from aicmo.operator.web.api.caller import Caller
from aicmo.operator.web.api.context import Api
from aicmo.orchestration.api import RunSummary
from aicmo.qc.api import QcReport, QcRunId


class Waiver(BaseModel):
    reason: str = Field(description="Why the finding may stand (kept in the audit trail).")


def qc_router(api: Api) -> APIRouter:
    router = APIRouter(tags=["qc"])
    qc = api.app.qc
    Authenticated = Annotated[Caller, Depends(api.caller)]

    def report_of(run: RunSummary) -> QcReport:
        if run.qc_run_id is None:
            raise NotFound(f"run {run.run_id} has no QC report yet (it is {run.state} at {run.current_step})")
        return qc.get(QcRunId.parse(run.qc_run_id))

    @router.get("/runs/{run}/qc")
    def report(caller: Authenticated, run: str) -> QcReport:
        """The run's latest QC report: its score per deliverable and every finding."""
        return report_of(api.run(caller, run))

    @router.post("/runs/{run}/findings/{finding}/waive")
    def waive(caller: Authenticated, run: str, finding: str, waiver: Waiver) -> QcReport:
        """Waive a finding of the run's latest report (its id or a unique prefix) with a reason;
        the report is scored again."""
        caller.require_agency("waive a finding")
        summary = api.run(caller, run)
        finding_id = qc.finding_id(finding)
        if finding_id not in {f.finding_id for f in report_of(summary).findings}:
            raise NotFound(f"finding {finding_id} is not in the latest QC report of run {summary.run_id}")
        waived = qc.waive(finding_id, waiver.reason, caller.user.email)
        api.app.audit.record(caller.actor, "finding.waive", str(finding_id), waiver.reason.strip())
        return waived

    return router
