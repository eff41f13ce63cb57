"""DBOS Transact glue: launch and stop the durable runtime, the run queue, recovery.

DBOS keeps workflow state in its own system database (see Settings.durable_database_url).
Every process gets its own executor id; a process that died leaves its pending workflows
behind, and a live one resumes them (see orchestration's executor registry). DBOS is
imported lazily because it is heavy; nothing connects until `launch`.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Any

from aicmo.platform.settings import Settings

APP_NAME = "aicmo"
RUN_QUEUE = "aicmo_runs"


def executor_id(kind: str) -> str:
    """Names this process among every process that shares the database."""
    return f"{kind}-{socket.gethostname()}-{os.getpid()}"


def migrate(settings: Settings) -> None:
    """Create or upgrade DBOS's system tables, so runs can be queued before any process launched DBOS."""
    from dbos import DBOS

    logging.getLogger("dbos").setLevel("DEBUG" if settings.log_level == "DEBUG" else "WARNING")
    DBOS.migrate(_driver_url(settings.durable_database_url))


def launch(settings: Settings, executor: str) -> None:
    """Configure and launch DBOS, and declare the run queue this process takes work from."""
    from dbos import DBOS

    dbos_level = "DEBUG" if settings.log_level == "DEBUG" else "WARNING"
    logging.getLogger("dbos").setLevel(dbos_level)
    DBOS(
        config={
            "name": APP_NAME,
            "system_database_url": _driver_url(settings.durable_database_url),
            "log_level": dbos_level,
            "application_version": "aicmo-1",
            "executor_id": executor,
        }
    )
    DBOS.launch()
    DBOS.register_queue(RUN_QUEUE, worker_concurrency=settings.worker_concurrency, polling_interval_sec=0.1, on_conflict="always_update")


def shutdown() -> None:
    from dbos import DBOS

    DBOS.destroy(destroy_registry=False)


def parked_workflow_threads() -> int:
    """Workflow threads still alive after shutdown: runs waiting for a decision in this process."""
    return sum(1 for t in threading.enumerate() if t.name.startswith(("dbos-executor", "ThreadPoolExecutor")) and t.is_alive() and not t.daemon)


def pending_workflows(executor: str) -> list[str]:
    from dbos import DBOS

    return [w.workflow_id for w in DBOS.list_workflows(status="PENDING", executor_id=executor)]


def resume_workflow(workflow_id: str) -> None:
    """Hand a dead process's workflow to the run queue: a live process continues it from its last step."""
    from dbos import DBOS

    DBOS.resume_workflow(workflow_id, queue_name=RUN_QUEUE)


class RunQueue:
    """Enqueues workflows through a DBOS client: any launched process (a worker) runs them."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client: Any = None

    def enqueue(self, workflow: str, workflow_id: str, *args: object) -> None:
        from dbos import DBOSClient

        if self._client is None:
            self._client = DBOSClient(system_database_url=_driver_url(self._settings.durable_database_url))
        self._client.enqueue({"queue_name": RUN_QUEUE, "workflow_name": workflow, "workflow_id": workflow_id}, *args)

    def close(self) -> None:
        if self._client is not None:
            self._client.destroy()
            self._client = None


def workflow_steps(settings: Settings, workflow_id: str) -> list[dict]:
    """The recorded steps of one workflow, read through a DBOS client: nothing is launched or recovered."""
    from dbos import DBOSClient

    client = DBOSClient(system_database_url=_driver_url(settings.durable_database_url))
    try:
        return [dict(step) for step in client.list_workflow_steps(workflow_id, load_output=False)]
    finally:
        client.destroy()


def _driver_url(url: str) -> str:
    if url.startswith("postgresql+psycopg://"):
        return "postgresql://" + url.split("://", 1)[1]
    return url
