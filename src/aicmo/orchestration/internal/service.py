"""Orchestration's use cases behind the Workflows port."""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

from dbos import DBOS, SetWorkflowID

from aicmo.kernel.errors import Conflict
from aicmo.onboarding.api import Brief
from aicmo.orchestration.api.dtos import RunId, RunOptions, RunState, RunSummary
from aicmo.orchestration.internal.client_to_delivery import APPROVAL_TOPIC, WORKFLOW, client_to_delivery
from aicmo.orchestration.internal.run_store import RunStore

_POLL_SECONDS = 0.05


def folder_name(client_name: str) -> str:
    """A file-system-safe folder name for a client, keeping accented letters readable."""
    ascii_name = unicodedata.normalize("NFKD", client_name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "client"


class WorkflowService:
    def __init__(self, runs: RunStore) -> None:
        self._runs = runs

    def start_client_to_delivery(self, brief: Brief, source: str, out_dir: Path, options: RunOptions) -> RunId:
        run_id = RunId.new()
        folder = out_dir.resolve() / folder_name(brief.client_name) / str(run_id)
        self._runs.create(run_id, WORKFLOW, brief.client_name, source, folder)
        with SetWorkflowID(str(run_id)):
            DBOS.start_workflow(client_to_delivery, run_id, brief, source, str(folder), options)
        return run_id

    def wait(self, run_id: RunId, *, timeout_seconds: float = 600) -> RunSummary:
        deadline = time.monotonic() + timeout_seconds
        while True:
            summary = self._runs.get(run_id)
            if summary.state.finished or summary.state == RunState.AWAITING_APPROVAL:
                return summary
            if time.monotonic() > deadline:
                raise TimeoutError(f"run {run_id} still {summary.state} at {summary.current_step} after {timeout_seconds:g}s")
            time.sleep(_POLL_SECONDS)

    def approve(self, run_id: RunId, comment: str | None = None) -> RunSummary:
        summary = self._runs.get(run_id)
        if summary.state != RunState.AWAITING_APPROVAL:
            raise Conflict(f"run {run_id} is {summary.state}, not waiting for approval")
        DBOS.send(str(run_id), {"approved": True, "comment": comment}, topic=APPROVAL_TOPIC)
        DBOS.retrieve_workflow(str(run_id)).get_result()
        return self._runs.get(run_id)

    def list_runs(self, limit: int = 50) -> list[RunSummary]:
        return self._runs.newest(limit)

    def get_run(self, run_id: RunId) -> RunSummary:
        return self._runs.get(run_id)
