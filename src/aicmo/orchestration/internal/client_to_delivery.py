"""The main job as a DBOS workflow: brief → strategy → content → QC → approval → package.

Each step calls one module port and is recorded by DBOS, so a restarted process resumes
after the last completed step. A step that changes state has a compensation (a port
too); when a later step fails, the compensations run in reverse order.
"""

from __future__ import annotations

from collections.abc import Callable

from dbos import DBOS

from aicmo.delivery.api import Package, PackageRequest
from aicmo.onboarding.api import Brief, BriefId, BriefRecord
from aicmo.orchestration.api.dtos import RunId, RunState
from aicmo.orchestration.internal.wiring import StepPorts, ports
from aicmo.production.api import ContentPack, PackId
from aicmo.qc.api import QcReport, QcRunId
from aicmo.strategy.api import Strategy, StrategyVersionId

WORKFLOW = "client_to_delivery"
APPROVAL_TOPIC = "approval"
APPROVAL_WAIT_SECONDS = 60 * 60 * 24 * 30


class QcGateFailed(Exception):
    """The pack did not pass QC; the run ends QC_FAILED and compensates."""


UNDO: dict[str, Callable[[StepPorts, str], None]] = {
    "capture_brief": lambda p, ref: p.onboarding.archive(BriefId.parse(ref)),
    "generate_strategy": lambda p, ref: p.strategy.discard(StrategyVersionId.parse(ref)),
    "generate_pack": lambda p, ref: p.production.discard(PackId.parse(ref)),
    "evaluate_qc": lambda p, ref: p.qc.void(QcRunId.parse(ref)),
}
"""The compensation of each step that changes state, by step name: a port call, never SQL."""


def _enter(run_id: RunId, step: str) -> None:
    ports().runs.update(run_id, current_step=step, state=RunState.RUNNING)


@DBOS.step(name="capture_brief")
def capture_brief(run_id: RunId, brief: Brief, source: str) -> BriefRecord:
    _enter(run_id, "capture_brief")
    return ports().onboarding.capture(brief, source)


@DBOS.step(name="generate_strategy")
def generate_strategy(run_id: RunId, record: BriefRecord) -> Strategy:
    _enter(run_id, "generate_strategy")
    return ports().strategy.generate(record)


@DBOS.step(name="generate_pack")
def generate_pack(run_id: RunId, record: BriefRecord, strategy: Strategy) -> ContentPack:
    _enter(run_id, "generate_pack")
    return ports().production.generate_pack(record, strategy)


@DBOS.step(name="evaluate_qc")
def evaluate_qc(run_id: RunId, pack: ContentPack, brief: Brief) -> QcReport:
    _enter(run_id, "evaluate_qc")
    report = ports().qc.evaluate(pack, brief)
    ports().runs.update(run_id, qc_score=report.score)
    return report


@DBOS.step(name="await_approval")
def mark_awaiting_approval(run_id: RunId) -> None:
    ports().runs.update(run_id, current_step="await_approval", state=RunState.AWAITING_APPROVAL)


@DBOS.step(name="approve_strategy")
def approve_strategy(run_id: RunId, strategy: Strategy, comment: str | None) -> Strategy:
    _enter(run_id, "approve_strategy")
    ports().runs.update(run_id, approval_comment=comment)
    return ports().strategy.approve(strategy.version_id)


@DBOS.step(name="build_package")
def build_package(run_id: RunId, request: PackageRequest) -> Package:
    _enter(run_id, "build_package")
    package = ports().delivery.build(request)
    ports().runs.update(run_id, package_id=str(package.package_id))
    return package


@DBOS.step(name="compensate", retries_allowed=True, max_attempts=3)
def compensate(run_id: RunId, step: str, ref: str) -> None:
    ports().runs.update(run_id, current_step=f"compensate:{step}")
    UNDO[step](ports(), ref)


@DBOS.step(name="finish_run")
def finish_run(run_id: RunId, state: RunState, error: str | None, failed_step: str | None) -> None:
    ports().runs.finish(run_id, state, error=error, failed_step=failed_step)


@DBOS.workflow(name=WORKFLOW)
def client_to_delivery(run_id: RunId, brief: Brief, source: str, folder: str, auto_approve: bool) -> str:
    done: list[tuple[str, str]] = []
    step = "capture_brief"
    try:
        record = capture_brief(run_id, brief, source)
        done.append((step, str(record.brief_id)))
        step = "generate_strategy"
        strategy = generate_strategy(run_id, record)
        done.append((step, str(strategy.version_id)))
        step = "generate_pack"
        pack = generate_pack(run_id, record, strategy)
        done.append((step, str(pack.pack_id)))
        step = "evaluate_qc"
        report = evaluate_qc(run_id, pack, brief)
        done.append((step, str(report.run_id)))
        if not report.passed:
            raise QcGateFailed(f"QC score {report.score} with {len(report.findings)} findings did not pass")
        comment = None
        if not auto_approve:
            mark_awaiting_approval(run_id)
            decision = DBOS.recv(APPROVAL_TOPIC, timeout_seconds=APPROVAL_WAIT_SECONDS)
            if decision is None:
                raise TimeoutError("no approval within 30 days")
            comment = decision.get("comment")
        step = "approve_strategy"
        strategy = approve_strategy(run_id, strategy, comment)
        step = "build_package"
        request = PackageRequest(run_key=str(run_id), folder=folder, brief=record, strategy=strategy, pack=pack, qc=report)
        build_package(run_id, request)
    except Exception as error:  # noqa: BLE001 - every failure compensates, then is recorded
        for done_step, ref in reversed(done):
            compensate(run_id, done_step, ref)
        state = RunState.QC_FAILED if isinstance(error, QcGateFailed) else RunState.COMPENSATED
        finish_run(run_id, state, f"{step}: {error}", step)
        return state.value
    finish_run(run_id, RunState.DELIVERED, None, None)
    return RunState.DELIVERED.value
