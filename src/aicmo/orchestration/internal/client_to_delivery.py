"""The main job as a DBOS workflow: brief → strategy → content → QC (→ one revision) →
approval → package → delivery.

Each step calls one module port and is recorded by DBOS, so a restarted process resumes
after the last completed step. A step that changes state has a compensation (a port
too); when a later step fails, the compensations run in reverse order.
"""

from __future__ import annotations

from collections.abc import Callable

from dbos import DBOS

from aicmo.delivery.api import Package, PackageId, PackageRequest
from aicmo.kernel.errors import ChannelUnavailable
from aicmo.onboarding.api import Brief, BriefId, BriefRecord
from aicmo.orchestration.api.dtos import RunId, RunOptions, RunState
from aicmo.orchestration.internal.wiring import StepPorts, ports
from aicmo.production.api import ContentItemId, ContentPack, PackId
from aicmo.qc.api import QcReport, QcRunId
from aicmo.strategy.api import Strategy, StrategyVersionId

WORKFLOW = "client_to_delivery"
APPROVAL_TOPIC = "approval"
APPROVAL_WAIT_SECONDS = 60 * 60 * 24 * 30

UNDO: dict[str, Callable[[StepPorts, str], None]] = {
    "capture_brief": lambda p, ref: p.onboarding.archive(BriefId.parse(ref)),
    "generate_strategy": lambda p, ref: p.strategy.discard(StrategyVersionId.parse(ref)),
    "generate_pack": lambda p, ref: p.production.discard(PackId.parse(ref)),
    "evaluate_qc": lambda p, ref: p.qc.void(QcRunId.parse(ref)),
    "build_package": lambda p, ref: p.delivery.void(PackageId.parse(ref)),
}
"""The compensation of each step that changes state, by step name: a port call, never SQL."""


class QcGateFailed(Exception):
    """The pack did not pass QC after its revision; the run ends QC_FAILED and compensates."""


class DeliveryRefused(Exception):
    """A delivery target refused after every retry; the run ends DELIVERY_FAILED and compensates."""


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
    ports().runs.update(run_id, qc_score=report.score, qc_run_id=str(report.run_id))
    return report


@DBOS.step(name="revise_pack")
def revise_pack(run_id: RunId, record: BriefRecord, strategy: Strategy, pack: ContentPack, report: QcReport) -> ContentPack:
    _enter(run_id, "revise_pack")
    notes: dict[ContentItemId, list[str]] = {}
    for finding in report.findings:
        if not finding.waived and finding.item_id is not None:
            notes.setdefault(finding.item_id, []).append(f"{finding.rule_id}: {finding.message}")
    return ports().production.revise(record, strategy, pack.pack_id, notes)


@DBOS.step(name="await_approval")
def mark_awaiting_approval(run_id: RunId, note: str | None) -> None:
    ports().runs.update(run_id, current_step="await_approval", state=RunState.AWAITING_APPROVAL, error=note)


@DBOS.step(name="approve_strategy")
def approve_strategy(run_id: RunId, strategy: Strategy, comment: str | None) -> Strategy:
    _enter(run_id, "approve_strategy")
    ports().runs.update(run_id, approval_comment=comment, error=None)
    return ports().strategy.approve(strategy.version_id)


@DBOS.step(name="build_package")
def build_package(run_id: RunId, request: PackageRequest) -> Package:
    _enter(run_id, "build_package")
    try:
        package = ports().delivery.build(request)
    except ChannelUnavailable as error:
        raise DeliveryRefused(str(error)) from None
    ports().runs.update(run_id, package_id=str(package.package_id))
    return package


@DBOS.step(name="deliver_package")
def deliver_package(run_id: RunId, package: Package, options: RunOptions) -> Package:
    _enter(run_id, "deliver_package")
    try:
        return ports().delivery.deliver(package.package_id, options.targets)
    except ChannelUnavailable as error:
        raise DeliveryRefused(str(error)) from None


@DBOS.step(name="compensate", retries_allowed=True, max_attempts=3)
def compensate(run_id: RunId, step: str, ref: str) -> None:
    ports().runs.update(run_id, current_step=f"compensate:{step}")
    UNDO[step](ports(), ref)


@DBOS.step(name="finish_run")
def finish_run(run_id: RunId, state: RunState, error: str | None, failed_step: str | None) -> None:
    ports().runs.finish(run_id, state, error=error, failed_step=failed_step)


def _await_approval(run_id: RunId, note: str | None) -> str | None:
    """The durable wait: the workflow sleeps in DBOS until `aicmo approve` sends the decision."""
    mark_awaiting_approval(run_id, note)
    decision = DBOS.recv(APPROVAL_TOPIC, timeout_seconds=APPROVAL_WAIT_SECONDS)
    if decision is None:
        raise TimeoutError("no approval within 30 days")
    return decision.get("comment")


@DBOS.workflow(name=WORKFLOW)
def client_to_delivery(run_id: RunId, brief: Brief, source: str, folder: str, options: RunOptions) -> str:
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
            step = "revise_pack"
            pack = revise_pack(run_id, record, strategy, pack, report)
            step = "evaluate_qc"
            report = evaluate_qc(run_id, pack, brief)
            done.append((step, str(report.run_id)))
        hold = None
        if not report.passed:
            verdict = f"QC score {report.score} with {len(report.failing_items())} failing items after one revision"
            if not options.hold_on_fail:
                raise QcGateFailed(verdict)
            hold = f"{verdict}: waive findings with `aicmo qc waive`, then approve, or let it compensate"
        comment = None if options.auto_approve and hold is None else _await_approval(run_id, hold)
        step = "approve_strategy"
        strategy = approve_strategy(run_id, strategy, comment)
        step = "build_package"
        request = PackageRequest(run_key=str(run_id), folder=folder, brief=record, strategy=strategy, pack=pack, qc=report)
        package = build_package(run_id, request)
        done.append((step, str(package.package_id)))
        if options.targets:
            step = "deliver_package"
            deliver_package(run_id, package, options)
    except Exception as error:  # noqa: BLE001 - every failure compensates, then is recorded
        for done_step, ref in reversed(done):
            compensate(run_id, done_step, ref)
        state = {QcGateFailed: RunState.QC_FAILED, DeliveryRefused: RunState.DELIVERY_FAILED}.get(type(error), RunState.COMPENSATED)
        finish_run(run_id, state, f"{step}: {error}", step)
        return state.value
    finish_run(run_id, RunState.DELIVERED, None, None)
    return RunState.DELIVERED.value
