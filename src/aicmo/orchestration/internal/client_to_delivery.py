"""The main job as a DBOS workflow: brief → strategy → content → QC (→ one revision) →
approval → package → delivery.

Each step calls one module port and is recorded by DBOS, so a restarted process resumes
after the last completed step. A step that changes state has a compensation (a port
too); when a later step fails, the compensations run in reverse order.

The workflow and its steps are methods of `ClientToDelivery`, a DBOS configured instance:
the ports they call are the instance's `ports`. DBOS records the instance's name with each
run and finds the instance by that name when it recovers the run, in this process or in
another one, so there is one instance per process, under one name (`WORKFLOW`), registered
before DBOS launches. Each launch binds the ports of the application that launches it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from dbos import DBOS, DBOSConfiguredInstance

from aicmo.delivery.api import Package, PackageId, PackageRequest
from aicmo.kernel.errors import ChannelUnavailable
from aicmo.onboarding.api import Brief, BriefId, BriefRecord
from aicmo.orchestration.api.dtos import RunId, RunOptions, RunState
from aicmo.orchestration.internal.approval import ApprovalDecision, MalformedDecision, received
from aicmo.orchestration.internal.revision_note import revision_note
from aicmo.orchestration.internal.stops import reporting_stops
from aicmo.orchestration.internal.wiring import StepPorts
from aicmo.platform.durable import DurableMethod
from aicmo.production.api import ContentItemId, ContentPack, PackId
from aicmo.qc.api import QcReport, QcRunId
from aicmo.strategy.api import Strategy, StrategyVersionId

WORKFLOW = "client_to_delivery"
DURABLE_NAME = DurableMethod(workflow=WORKFLOW, class_name="ClientToDelivery", instance_name=WORKFLOW)
"""The names DBOS records with each run, and by which any process finds the workflow again."""
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


def _key(run_id: RunId, step: str, round_: int = 1) -> str:
    return f"{run_id}:{step}:{round_}"


def qc_notes(report: QcReport) -> dict[ContentItemId, list[str]]:
    """Each failing item with the findings a writer must fix."""
    notes: dict[ContentItemId, list[str]] = {}
    for finding in report.findings:
        if not finding.waived and finding.item_id is not None:
            notes.setdefault(finding.item_id, []).append(f"{finding.rule_id}: {finding.message}")
    return notes


@DBOS.dbos_class(class_name=DURABLE_NAME.class_name)
class ClientToDelivery(DBOSConfiguredInstance):
    """The workflow with the ports its steps call."""

    _registered: ClassVar[ClientToDelivery | None] = None

    def __init__(self, ports: StepPorts) -> None:
        super().__init__(DURABLE_NAME.instance_name)
        self.ports = ports

    @classmethod
    def bound_to(cls, ports: StepPorts) -> ClientToDelivery:
        """The process's instance, calling `ports` from now on: DBOS refuses a second instance
        under the same name, and a process launches DBOS for one application at a time."""
        if cls._registered is None:
            cls._registered = cls(ports)
        cls._registered.ports = ports
        return cls._registered

    def _enter(self, run_id: RunId, step: str, **changes: object) -> None:
        """The run is at `step` (and running, unless `changes` say otherwise); the step's attempt is counted."""
        self.ports.runs.enter_step(run_id, DBOS.step_id, step, **{"state": RunState.RUNNING, **changes})

    @DBOS.step(name="capture_brief")
    def capture_brief(self, run_id: RunId, brief: Brief, source: str) -> BriefRecord:
        self._enter(run_id, "capture_brief")
        record = self.ports.onboarding.capture(brief, source, key=_key(run_id, "capture_brief"))
        self.ports.crash.after("capture_brief")
        return record

    @DBOS.step(name="generate_strategy")
    def generate_strategy(self, run_id: RunId, record: BriefRecord) -> Strategy:
        self._enter(run_id, "generate_strategy")
        strategy = self.ports.strategy.generate(record, key=_key(run_id, "generate_strategy"))
        self.ports.crash.after("generate_strategy")
        return strategy

    @DBOS.step(name="generate_pack")
    def generate_pack(self, run_id: RunId, record: BriefRecord, strategy: Strategy) -> ContentPack:
        self._enter(run_id, "generate_pack")
        pack = self.ports.production.generate_pack(record, strategy, key=_key(run_id, "generate_pack"))
        self.ports.crash.after("generate_pack")
        return pack

    @DBOS.step(name="evaluate_qc")
    def evaluate_qc(self, run_id: RunId, pack: ContentPack, brief: Brief, round_: int) -> QcReport:
        self._enter(run_id, "evaluate_qc")
        report = self.ports.qc.evaluate(pack, brief, key=_key(run_id, "evaluate_qc", round_))
        self.ports.runs.update(run_id, qc_score=report.score, qc_run_id=str(report.run_id))
        self.ports.crash.after("evaluate_qc")
        return report

    @DBOS.step(name="revise_pack")
    def revise_pack(
        self,
        run_id: RunId,
        record: BriefRecord,
        strategy: Strategy,
        pack: ContentPack,
        notes: dict[ContentItemId, list[str]],
        round_: int,
    ) -> ContentPack:
        self._enter(run_id, "revise_pack")
        revised = self.ports.production.revise(
            record, strategy, pack.pack_id, notes, key=_key(run_id, "revise_pack", round_)
        )
        self.ports.crash.after("revise_pack")
        return revised

    @DBOS.step(name="await_approval")
    def mark_awaiting_approval(self, run_id: RunId, note: str | None) -> None:
        self._enter(run_id, "await_approval", state=RunState.AWAITING_APPROVAL, error=note)

    @DBOS.step(name="read_approved_content")
    def read_approved_content(self, run_id: RunId, pack_id: PackId, report_id: QcRunId) -> tuple[ContentPack, QcReport]:
        """The pack and report as the decision left them: with the operator's edits and waivers."""
        self._enter(run_id, "read_approved_content")
        return self.ports.production.get_pack(pack_id), self.ports.qc.get(report_id)

    @DBOS.step(name="approve_strategy")
    def approve_strategy(self, run_id: RunId, strategy: Strategy, comment: str | None) -> Strategy:
        self._enter(run_id, "approve_strategy")
        self.ports.runs.update(run_id, approval_comment=comment, error=None)
        approved = self.ports.strategy.approve(strategy.version_id)
        self.ports.crash.after("approve_strategy")
        return approved

    @DBOS.step(name="build_package")
    def build_package(self, run_id: RunId, request: PackageRequest) -> Package:
        self._enter(run_id, "build_package")
        try:
            package = self.ports.delivery.build(request)
        except ChannelUnavailable as error:
            raise DeliveryRefused(str(error)) from None
        self.ports.runs.update(run_id, package_id=str(package.package_id))
        self.ports.crash.after("build_package")
        return package

    @DBOS.step(name="deliver_package")
    def deliver_package(self, run_id: RunId, package: Package, options: RunOptions) -> Package:
        self._enter(run_id, "deliver_package")
        try:
            delivered = self.ports.delivery.deliver(package.package_id, options.targets)
        except ChannelUnavailable as error:
            raise DeliveryRefused(str(error)) from None
        self.ports.crash.after("deliver_package")
        return delivered

    @DBOS.step(name="compensate", retries_allowed=True, max_attempts=3)
    def compensate(self, run_id: RunId, step: str, ref: str) -> None:
        self._enter(run_id, f"compensate:{step}")
        UNDO[step](self.ports, ref)

    @DBOS.step(name="finish_run")
    def finish_run(self, run_id: RunId, state: RunState, error: str | None, failed_step: str | None) -> None:
        self.ports.runs.finish(run_id, state, error=error, failed_step=failed_step)

    def _await_decision(self, run_id: RunId, note: str | None) -> ApprovalDecision:
        """The durable wait: the workflow sleeps in DBOS until `aicmo approve` or `aicmo reject` sends a decision.
        A malformed message is refused: the run says why and keeps waiting."""
        refusal: str | None = None
        while True:
            self.mark_awaiting_approval(run_id, "; ".join(filter(None, (refusal, note))) or None)
            message = DBOS.recv(APPROVAL_TOPIC, timeout_seconds=APPROVAL_WAIT_SECONDS)
            if message is None:
                raise TimeoutError("no decision within 30 days")
            try:
                return received(message)
            except MalformedDecision as error:
                refusal = str(error)

    @DBOS.workflow(name=WORKFLOW)
    @reporting_stops
    def run(self, run_id: RunId, brief: Brief, source: str, folder: str, options: RunOptions) -> str:
        done: list[tuple[str, str]] = []
        step = "capture_brief"
        try:
            record = self.capture_brief(run_id, brief, source)
            done.append((step, str(record.brief_id)))
            step = "generate_strategy"
            strategy = self.generate_strategy(run_id, record)
            done.append((step, str(strategy.version_id)))
            step = "generate_pack"
            pack = self.generate_pack(run_id, record, strategy)
            done.append((step, str(pack.pack_id)))
            step = "evaluate_qc"
            round_ = 1
            report = self.evaluate_qc(run_id, pack, brief, round_)
            done.append((step, str(report.run_id)))
            rounds = self.ports.revision_rounds
            while not report.passed and round_ <= rounds:
                step = "revise_pack"
                pack = self.revise_pack(run_id, record, strategy, pack, qc_notes(report), round_)
                step, round_ = "evaluate_qc", round_ + 1
                report = self.evaluate_qc(run_id, pack, brief, round_)
                done.append((step, str(report.run_id)))
            if not report.passed and not options.hold_on_fail:
                raise QcGateFailed(
                    f"QC score {report.score} with {len(report.failing_items())} failing items"
                    f" after {rounds} revision{'s' if rounds > 1 else ''}"
                )
            # A held pack waits for a person even under auto-approve. Why it waits is its QC report,
            # which waivers and edits change: readers show the current one, the run keeps no stale copy.
            must_wait = not options.auto_approve or not report.passed
            note = None
            comment = None
            while must_wait:
                decision = self._await_decision(run_id, note)
                comment = decision.comment
                if decision.approved:
                    break
                step = "revise_pack"
                chosen = [item for item in pack.items if decision.sends_back(str(item.item_id))]
                pack = self.revise_pack(
                    run_id, record, strategy, pack, {item.item_id: [f"Operator: {comment}"] for item in chosen}, round_
                )
                step, round_ = "evaluate_qc", round_ + 1
                report = self.evaluate_qc(run_id, pack, brief, round_)
                done.append((step, str(report.run_id)))
                applied = self.ports.writer_applies_comments
                note = revision_note(comment, chosen, applied)
            step = "read_approved_content"
            pack, report = self.read_approved_content(run_id, pack.pack_id, report.run_id)
            step = "approve_strategy"
            strategy = self.approve_strategy(run_id, strategy, comment)
            step = "build_package"
            request = PackageRequest(
                run_key=str(run_id), folder=folder, brief=record, strategy=strategy, pack=pack, qc=report
            )
            package = self.build_package(run_id, request)
            done.append((step, str(package.package_id)))
            if options.targets:
                step = "deliver_package"
                self.deliver_package(run_id, package, options)
        except Exception as error:  # noqa: BLE001 - every failure compensates, then is recorded
            for done_step, ref in reversed(done):
                self.compensate(run_id, done_step, ref)
            state = {QcGateFailed: RunState.QC_FAILED, DeliveryRefused: RunState.DELIVERY_FAILED}.get(
                type(error), RunState.COMPENSATED
            )
            self.finish_run(run_id, state, f"{step}: {error}", step)
            return state.value
        self.finish_run(run_id, RunState.DELIVERED, None, None)
        return RunState.DELIVERED.value
