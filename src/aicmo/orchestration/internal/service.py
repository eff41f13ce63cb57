"""Orchestration's use cases behind the Workflows port."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
import time
from pathlib import Path

from dbos import DBOS

from aicmo.delivery.api import Artifact
from aicmo.kernel.errors import Conflict, InvalidInput, Problem
from aicmo.onboarding.api import Brief
from aicmo.orchestration.api.dtos import (
    RunEvent,
    RunId,
    RunOptions,
    RunPage,
    RunQuery,
    RunState,
    RunSummary,
    StepRecord,
)
from aicmo.orchestration.internal.approval import ApprovalDecision
from aicmo.orchestration.internal.blockers import refuse_open_blockers
from aicmo.orchestration.internal.client_to_delivery import APPROVAL_TOPIC, DURABLE_NAME, WORKFLOW, ClientToDelivery
from aicmo.orchestration.internal.executors import ExecutorRegistry
from aicmo.orchestration.internal.handover import Handover
from aicmo.orchestration.internal.item_edit import edit_waiting_item
from aicmo.orchestration.internal.preview import preview_run
from aicmo.orchestration.internal.run_store import RunStore
from aicmo.orchestration.internal.stops import stopped_with
from aicmo.orchestration.internal.wiring import StepPorts
from aicmo.platform import durable
from aicmo.platform.durable import DECISION_QUEUE, WORKFLOW_VERSION, RunQueue, own_queue
from aicmo.platform.events import StoredEvent
from aicmo.platform.templating import slug
from aicmo.production.api import ContentItemId, ContentPack

_POLL_SECONDS = 0.05
PackOfReport = Callable[[RunSummary], ContentPack]
"""The content pack a waiting run's latest QC report judged."""
_TAKE_OVER_SECONDS = 60


RUN_EVENT_TYPES = {"PackageBuilt", "Delivered", "DeliveryFailed", "WorkflowCompleted", "WorkflowCompensated"}
"""The events whose payload names their run (run_id, run_key or an idempotency key made from it)."""


def _belongs_to(payload: dict, run: str) -> bool:
    return (
        payload.get("run_id") == run
        or payload.get("run_key") == run
        or str(payload.get("idempotency_key", "")).startswith(f"{run}:")
    )


def _own_steps(steps: list[dict]) -> list[dict]:
    """The workflow's steps in the order they began; DBOS's own (DBOS.recv, DBOS.sleep) are left out."""
    own = [step for step in steps if not step["function_name"].startswith("DBOS.")]
    return sorted(
        own,
        key=lambda step: (step["started_at_epoch_ms"] is None, step["started_at_epoch_ms"] or 0, step["function_id"]),
    )


def _moment(epoch_ms: int | None) -> datetime | None:
    return None if epoch_ms is None else datetime.fromtimestamp(epoch_ms / 1000, UTC)


def _continuable(version: str | None) -> bool:
    """Whether this AICMO can continue a workflow recorded under `version` (None: not recorded yet)."""
    return version in (None, WORKFLOW_VERSION)


def folder_name(client_name: str) -> str:
    """A file-system-safe folder name for a client."""
    return slug(client_name, "client")


class WorkflowService:
    def __init__(
        self,
        runs: RunStore,
        read_steps: Callable[[str], list[dict]],
        read_events: Callable[[set[str]], list[StoredEvent]],
        queue: RunQueue,
        executors: ExecutorRegistry | None,
        packs: PackOfReport,
        handover: Handover,
        ports: StepPorts,
        workflow: ClientToDelivery | None,
    ) -> None:
        """`workflow` is the instance this process runs workflows on; None when it runs none."""
        self._runs = runs
        self._read_steps = read_steps
        self._read_events = read_events
        self._queue = queue
        self._executors = executors
        self._packs = packs
        self._handover = handover
        self._ports = ports
        self._workflow = workflow

    def start_client_to_delivery(self, brief: Brief, source: str, out_dir: Path, options: RunOptions) -> RunId:
        """A process that runs workflows runs this one itself, and only this one; any other queues it for a worker."""
        run_id = RunId.new()
        folder = out_dir.resolve() / folder_name(brief.client_name) / str(run_id)
        self._runs.create(run_id, WORKFLOW, brief.client_name, source, folder)
        if self._workflow is not None:
            durable.start_here(self._workflow.run, str(run_id), run_id, brief, source, str(folder), options)
        else:
            self._queue.enqueue(DURABLE_NAME, str(run_id), run_id, brief, source, str(folder), options)
        return run_id

    def recover(self) -> list[RunId]:
        """Hand on the workflows of every process that died: runs under way to the run queue,
        waiting ones to the decision queue."""
        if self._executors is None:
            return []
        dead = self._executors.claim_dead(self._queue.holders())
        return [run_id for executor in dead for run_id in self._handover.hand_over(executor)]

    def wait(self, run_id: RunId, *, timeout_seconds: float = 600) -> RunSummary:
        deadline = time.monotonic() + timeout_seconds
        while True:
            summary = self.get_run(run_id)
            if summary.state.finished or summary.state == RunState.AWAITING_APPROVAL:
                return summary
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"run {run_id} still {summary.state} at {summary.current_step} after {timeout_seconds:g}s"
                )
            time.sleep(_POLL_SECONDS)

    def approve(self, run_id: RunId, comment: str | None = None) -> RunSummary:
        """Refused while the latest QC report has open blockers: a waiver with a reason is the override."""
        run = self._waiting(run_id)
        refuse_open_blockers(self._ports.qc, run)
        return self._decide(run, ApprovalDecision(approved=True, comment=comment))

    def reject(self, run_id: RunId, comment: str, items: list[str] | None = None) -> RunSummary:
        if not comment.strip():
            raise InvalidInput(
                "a rejection needs a comment",
                [Problem("--comment", "say what to change, e.g. 'warmer tone, no prices'")],
            )
        run = self._waiting(run_id)
        chosen = self._items(run, items) if items else None
        return self._decide(run, ApprovalDecision(approved=False, comment=comment.strip(), items=chosen))

    def edit_item(self, run_id: RunId, item: str, fields: dict[str, str]) -> RunSummary:
        run = self._waiting(run_id)
        [chosen] = self._items(run, [item])
        return edit_waiting_item(self._ports, run, ContentItemId.parse(chosen), fields)

    def _decide(self, waiting: RunSummary, decision: ApprovalDecision) -> RunSummary:
        """Send the decision and see the run to its next stop; this process continues it unless a live one holds it.

        Of two deciding at once, one takes the decision (`take_decision`) and the other is refused there.
        """
        run_id = waiting.run_id
        self._recorded_by_this_version(run_id)
        before = self._runs.take_decision(run_id)
        try:
            DBOS.send(str(run_id), decision.message(), topic=APPROVAL_TOPIC)
            self._continue_here(run_id)
        except BaseException:
            self._runs.update(run_id, state=RunState.AWAITING_APPROVAL)
            raise
        return self._next_stop(run_id, after=before.updated_at)

    def _recorded_by_this_version(self, run_id: RunId) -> None:
        version = self._queue.whereabouts(str(run_id)).version
        if not _continuable(version):
            raise Conflict(
                f"run {run_id} was recorded by an earlier AICMO (workflow {version}), which this one"
                f" ({WORKFLOW_VERSION}) cannot continue: start it again with `aicmo run BRIEF`"
            )

    def _this_version(self, run_id: RunId) -> bool:
        return _continuable(self._queue.whereabouts(str(run_id)).version)

    def _continue_here(self, run_id: RunId) -> None:
        """Take the run's workflow from the decision queue onto this process's own queue, after
        handing on the process that held it if that one is gone; a live holder continues it itself."""
        assert self._executors is not None, "deciding needs a process that runs workflows"
        me = self._executors.executor
        deadline = time.monotonic() + _TAKE_OVER_SECONDS
        while True:
            where = self._queue.whereabouts(str(run_id))
            if where.status == "ENQUEUED" and where.queue == DECISION_QUEUE:
                self._queue.move(str(run_id), own_queue(me))
                return
            holder = where.executor
            if where.status != "PENDING" or holder is None or holder == me or self._executors.alive(holder):
                return
            if self._executors.claim(holder):
                self._handover.hand_over(holder)
            elif time.monotonic() > deadline:
                raise TimeoutError(
                    f"run {run_id} is still held by {holder}, which stopped; try again, or run `aicmo resume`"
                )
            else:
                time.sleep(_POLL_SECONDS)

    def resume(self, *, timeout_seconds: float = 600) -> list[RunSummary]:
        self.recover()
        pending = [
            run
            for run in self._runs.unfinished()
            if run.state != RunState.AWAITING_APPROVAL and self._this_version(run.run_id)
        ]
        return [self.wait(run.run_id, timeout_seconds=timeout_seconds) for run in pending]

    def _items(self, run: RunSummary, typed: list[str]) -> list[str]:
        """The ids of the run's items that `typed` names (whole ids or unique prefixes)."""
        ids = [str(item.item_id) for item in self._packs(run).items]
        chosen, problems = [], []
        for text in typed:
            matches = [i for i in ids if i.startswith(text.strip().lower())] if text.strip() else []
            if len(matches) == 1:
                chosen.append(matches[0])
            else:
                reason = (
                    "matches several items; type more of the id" if matches else "is not an item of this run's pack"
                )
                problems.append(Problem("--item", f"{text!r} {reason} (`aicmo qc report {run.run_id}` lists them)"))
        if problems:
            raise InvalidInput("nothing was sent back", problems)
        return chosen

    def _waiting(self, run_id: RunId) -> RunSummary:
        summary = self._runs.get(run_id)
        if summary.state != RunState.AWAITING_APPROVAL:
            raise Conflict(f"run {run_id} is {summary.state}, not waiting for approval")
        return summary

    def _next_stop(self, run_id: RunId, *, after: datetime, timeout_seconds: float = 600) -> RunSummary:
        """The run once it has moved on from `after` and stopped again (finished or waiting)."""
        deadline = time.monotonic() + timeout_seconds
        while time.monotonic() < deadline:
            summary = self.get_run(run_id)
            if summary.updated_at > after and (summary.state.finished or summary.state == RunState.AWAITING_APPROVAL):
                return summary
            time.sleep(_POLL_SECONDS)
        raise TimeoutError(f"run {run_id} did not stop again within {timeout_seconds:g}s")

    def steps(self, run_id: RunId) -> list[StepRecord]:
        """The run's recorded steps; the run itself is read only when none are (to tell a run that
        has not begun from no run at all), as its page polls this every 2 seconds."""
        recorded = _own_steps(self._read_steps(str(run_id)))
        if not recorded:
            self._runs.get(run_id)
            return []
        attempts = self._runs.attempts(run_id)
        return [
            StepRecord(
                name=step["function_name"].rsplit(".", 1)[-1],
                started_at=_moment(step["started_at_epoch_ms"]),
                finished_at=_moment(step["completed_at_epoch_ms"]),
                error=None if step["error"] is None else str(step["error"]),
                attempts=attempts.get(step["function_id"], 1),
            )
            for step in recorded
        ]

    def events_of(self, run_id: RunId) -> list[RunEvent]:
        self._runs.get(run_id)
        return [
            RunEvent(event_id=e.event_id, source=e.source, event_type=e.event_type, occurred_at=e.occurred_at)
            for e in self._read_events(RUN_EVENT_TYPES)
            if _belongs_to(e.payload, str(run_id))
        ]

    def list_runs(self, limit: int = 50) -> list[RunSummary]:
        return self._runs.newest(limit)

    def find_runs(self, query: RunQuery) -> RunPage:
        return self._runs.page(query)

    def count_runs(self, client: str | None = None) -> dict[RunState, int]:
        return self._runs.count(client)

    def get_run(self, run_id: RunId) -> RunSummary:
        """The run; for a run whose workflow stopped in this process on an error it could not record, that error."""
        failure = stopped_with(str(run_id))
        if failure is not None:
            raise failure
        return self._runs.get(run_id)

    def resolve(self, typed: str) -> RunId:
        return self._runs.resolve(typed)

    def short_ids(self, run_ids: list[RunId]) -> dict[RunId, str]:
        return self._runs.short_ids(run_ids)

    def preview(self, run_id: RunId) -> list[Artifact]:
        return preview_run(self._ports, self._runs.get(run_id))
