"""A run's latest QC report, and waiving one of its findings with a reason, as `aicmo qc
report` and `aicmo qc waive` do: the report carries the run's id (the QC run's as
`qc_run_id`) and each finding the item's label, as the console and the command line name it."""

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import Field

from aicmo.kernel.errors import NotFound
from aicmo.operator.web.api.caller import Caller
from aicmo.operator.audited import waiver_detail
from aicmo.operator.web.api.context import Api
from aicmo.operator.web.api.request_body import RequestBody, json_sender
from aicmo.orchestration.api import RunId, RunSummary
from aicmo.qc.api import Finding, QcReport, QcRunId


class Waiver(RequestBody):
    reason: str = Field(description="Why the finding may stand (kept in the audit trail).")


class LabelledFinding(Finding):
    item_label: str | None = Field(
        description="The item as people name it, e.g. 'Calendar post 1 · Instagram'; null for the whole pack."
    )


class RunQcReport(QcReport):
    """A QC report as the run's: `run_id` is the run asked for, `qc_run_id` the QC run that made it."""

    run_id: RunId  # type: ignore[assignment]  # the run's id where the report has the QC run's
    qc_run_id: QcRunId
    findings: list[LabelledFinding]  # type: ignore[assignment]


def qc_router(api: Api) -> APIRouter:
    router = APIRouter(tags=["qc"])
    qc = api.app.qc
    Authenticated = Annotated[Caller, Depends(api.caller)]

    def report_of(run: RunSummary) -> QcReport:
        if run.qc_run_id is None:
            raise NotFound(f"run {run.run_id} has no QC report yet (it is {run.state} at {run.current_step})")
        return qc.get(QcRunId.parse(run.qc_run_id))

    def of_run(run: RunSummary, report: QcReport) -> RunQcReport:
        labels = api.app.production.get_pack(report.pack_id).item_labels()
        findings = [
            LabelledFinding(**f.model_dump(), item_label=labels.get(f.item_id) if f.item_id else None)
            for f in report.findings
        ]
        fields = report.model_dump(exclude={"run_id", "findings"})
        return RunQcReport(**fields, run_id=run.run_id, qc_run_id=report.run_id, findings=findings)

    @router.get("/runs/{run}/qc")
    def report(caller: Authenticated, run: str) -> RunQcReport:
        """The run's latest QC report: its score per deliverable and every finding, with the item it is about."""
        summary = api.run(caller, run)
        return of_run(summary, report_of(summary))

    @router.post("/runs/{run}/findings/{finding}/waive")
    def waive(
        caller: Annotated[Caller, Depends(json_sender(api.caller))], run: str, finding: str, waiver: Waiver
    ) -> RunQcReport:
        """Waive a finding of the run's latest report (its id or a unique prefix) with a reason;
        the report is scored again."""
        caller.require_agency("waive a finding")
        summary = api.run(caller, run)
        finding_id = qc.finding_id(finding)
        found = next((f for f in report_of(summary).findings if f.finding_id == finding_id), None)
        if found is None:
            raise NotFound(f"finding {finding_id} is not in the latest QC report of run {summary.run_id}")
        waived = qc.waive(finding_id, waiver.reason, caller.user.email)
        api.app.audit.record(caller.actor, "finding.waive", str(summary.run_id), waiver_detail(found, waiver.reason))
        return of_run(summary, waived)

    return router
