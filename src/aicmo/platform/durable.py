"""DBOS Transact glue: launch and stop the durable runtime, the run queue, recovery.

DBOS keeps workflow state in its own system database (see Settings.durable_database_url).
Every process gets its own executor id and its own queue, which only it serves: a command
that continues one run takes that run onto its own queue and nothing else. The run queue
is served by `aicmo worker` and `aicmo resume`; the decision queue by nobody — a run
waiting for approval sits there until its `approve` or `reject` takes it. A process that
died leaves its pending workflows behind, and a live one hands them on (see orchestration's
executor registry). DBOS is imported lazily because it is heavy; nothing connects until
`launch`.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass
from typing import Any

from aicmo.platform.db.migrations import sqlite_turn
from aicmo.platform.settings import Settings

APP_NAME = "aicmo"
RUN_QUEUE = "aicmo_runs"
DECISION_QUEUE = "aicmo_decisions"
"""Runs waiting for a decision: never served, so no process holds a wait that may last days."""


WORKFLOW_VERSION = "aicmo-2"
"""Recorded with every run. Raised when the workflow's code changes so that a run recorded
before cannot be replayed (at aicmo-2 the workflow became a configured instance); a process
continues only the runs of its own version."""


def executor_id(kind: str) -> str:
    """Names this process among every process that shares the database (never reused, even when a pid is)."""
    return f"{kind}-{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


def own_queue(executor: str) -> str:
    """The queue only this executor serves."""
    return f"{RUN_QUEUE}.{executor}"


def migrate(settings: Settings) -> None:
    """Create or upgrade DBOS's system tables, so runs can be queued before any process launched DBOS."""
    from dbos import DBOS

    logging.getLogger("dbos").setLevel(_dbos_log_level(settings))
    with sqlite_turn(settings.durable_database_url):
        DBOS.migrate(_driver_url(settings.durable_database_url))


def launch(settings: Settings, executor: str, *, serve_run_queue: bool) -> None:
    """Configure and launch DBOS listening to this process's own queue, and to the run queue when asked."""
    from dbos import DBOS

    dbos_level = _dbos_log_level(settings)
    logging.getLogger("dbos").setLevel(dbos_level)
    DBOS(
        config={
            "name": APP_NAME,
            "system_database_url": _driver_url(settings.durable_database_url),
            "log_level": dbos_level,
            "application_version": WORKFLOW_VERSION,
            "executor_id": executor,
        }
    )
    DBOS.listen_queues([own_queue(executor), *([RUN_QUEUE] if serve_run_queue else [])])
    DBOS.launch()
    for queue in (RUN_QUEUE, own_queue(executor)):
        DBOS.register_queue(
            queue, worker_concurrency=settings.worker_concurrency, polling_interval_sec=0.1, on_conflict="always_update"
        )


def shutdown() -> None:
    from dbos import DBOS

    DBOS.destroy(destroy_registry=False)


def parked_workflow_threads() -> int:
    """Workflow threads still alive after shutdown (a run waiting for a decision, already handed on).

    Daemon or not — a thread started by a queue's daemon thread is a daemon too — the
    interpreter joins every pool thread at exit, so any of them would keep the process alive.
    """
    return sum(
        1 for t in threading.enumerate() if t.name.startswith(("dbos-executor", "ThreadPoolExecutor")) and t.is_alive()
    )


def start_here(workflow: Any, workflow_id: str, *args: object) -> None:
    """Run a workflow in this process, under the given id, without going through any queue."""
    from dbos import DBOS, SetWorkflowID

    with SetWorkflowID(workflow_id):
        DBOS.start_workflow(workflow, *args)


@dataclass(frozen=True)
class DurableMethod:
    """A workflow that is a method of a DBOS configured instance, by the names DBOS records."""

    workflow: str
    class_name: str
    instance_name: str


@dataclass(frozen=True)
class Whereabouts:
    """Where a workflow is: its DBOS status, the executor running it, the queue it waits on,
    and the workflow version that recorded it."""

    status: str
    executor: str | None
    queue: str | None
    version: str | None


class RunQueue:
    """The queues seen through a DBOS client: enqueue a run, say where a workflow is, hand it on."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client: Any = None
        self._lock = threading.Lock()

    @property
    def client(self) -> Any:
        from dbos import DBOSClient

        with self._lock:
            if self._client is None:
                self._client = DBOSClient(system_database_url=_driver_url(self._settings.durable_database_url))
            return self._client

    def enqueue(self, workflow: DurableMethod, workflow_id: str, *args: object) -> None:
        """Queue a run for the processes that serve the run queue (`aicmo worker`): whichever takes it
        runs the workflow on its own instance of the same name."""
        options = {"queue_name": RUN_QUEUE, "workflow_name": workflow.workflow, "workflow_id": workflow_id}
        self.client.enqueue(
            {**options, "class_name": workflow.class_name, "instance_name": workflow.instance_name}, *args
        )

    def held_by(self, executor: str) -> list[str]:
        """The workflows an executor holds: those it runs, and those waiting on its own queue."""
        running = self.client.list_workflows(
            status="PENDING", executor_id=executor, load_input=False, load_output=False
        )
        waiting = self.client.list_workflows(
            status="ENQUEUED", queue_name=own_queue(executor), load_input=False, load_output=False
        )
        return [w.workflow_id for w in [*running, *waiting]]

    def holders(self) -> set[str]:
        """The executors running workflows now."""
        running = self.client.list_workflows(status="PENDING", load_input=False, load_output=False)
        return {w.executor_id for w in running if w.executor_id is not None}

    def whereabouts(self, workflow_id: str) -> Whereabouts:
        [status] = self.client.list_workflows(workflow_ids=[workflow_id], load_input=False, load_output=False)
        return Whereabouts(status.status, status.executor_id, status.queue_name, status.app_version)

    def steps(self, workflow_id: str) -> list[dict]:
        """The recorded steps of one workflow (nothing is launched or recovered), through the one
        client this queue keeps: a run's page reads them on every refresh."""
        return [dict(step) for step in self.client.list_workflow_steps(workflow_id, load_output=False)]

    def move(self, workflow_id: str, queue: str) -> None:
        """Put a workflow on a queue; whoever serves it continues the workflow from its last recorded step."""
        self.client.resume_workflow(workflow_id, queue_name=queue)

    def forget_queue(self, executor: str) -> None:
        """Drop an executor's own queue once nothing waits on it."""
        self.client.delete_queue(own_queue(executor))

    def close(self) -> None:
        if self._client is not None:
            self._client.destroy()
            self._client = None


def _dbos_log_level(settings: Settings) -> str:
    """DBOS speaks only when debugging: what fails reaches the user through the run's state or one error line."""
    return "DEBUG" if settings.log_level == "DEBUG" else "CRITICAL"


def _driver_url(url: str) -> str:
    if url.startswith("postgresql+psycopg://"):
        return "postgresql://" + url.split("://", 1)[1]
    return url
