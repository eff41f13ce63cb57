"""Handing on the workflows a process holds, when it exits or is found dead.

A run under way goes to the run queue (a worker or `aicmo resume` continues it); a run
waiting for a decision goes to the decision queue, which no process serves, so nobody
holds a wait that may last days: the `approve` or `reject` of that run takes it from there.
"""

from __future__ import annotations

from aicmo.orchestration.api.dtos import RunId, RunState
from aicmo.orchestration.internal.run_store import RunStore
from aicmo.platform.durable import DECISION_QUEUE, RUN_QUEUE, RunQueue


class Handover:
    def __init__(self, runs: RunStore, queues: RunQueue) -> None:
        self._runs = runs
        self._queues = queues

    def hand_over(self, executor: str) -> list[RunId]:
        """Move every workflow `executor` holds to the queue that will continue it; the runs moved."""
        moved = []
        for workflow_id in self._queues.held_by(executor):
            run_id = RunId.parse(workflow_id)
            waiting = self._runs.get(run_id).state == RunState.AWAITING_APPROVAL
            self._queues.move(workflow_id, DECISION_QUEUE if waiting else RUN_QUEUE)
            moved.append(run_id)
        self._queues.forget_queue(executor)
        return moved
