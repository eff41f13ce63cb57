"""What the operator layer may ask of orchestration."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Protocol

from aicmo.delivery.api import Artifact
from aicmo.onboarding.api import Brief
from aicmo.orchestration.api.dtos import (
    DispatchReport,
    EventRecord,
    RunEvent,
    RunId,
    RunOptions,
    RunPage,
    RunQuery,
    RunState,
    RunSummary,
    StepRecord,
)


class EventBus(Protocol):
    """Delivers the events modules stored in their outboxes to the subscribers wired in the composition root."""

    def dispatch(self, limit: int = 200) -> DispatchReport:
        """Deliver every pending event once to each subscriber; a failure is kept and retried up to 3 times."""
        ...

    def events(self, *, failed_only: bool = False, limit: int = 200) -> list[EventRecord]:
        """Each subscribed event with its state per subscriber, newest first."""
        ...

    def resubmit(self, event_id: uuid.UUID) -> list[EventRecord]:
        """Deliver a failed event again at the next dispatch; raises NotFound or Conflict (nothing failed)."""
        ...


class Workflows(Protocol):
    """Starts, continues and reports durable workflow runs."""

    def start_client_to_delivery(self, brief: Brief, source: str, out_dir: Path, options: RunOptions) -> RunId:
        """Start `client_to_delivery` for a validated brief; the package goes under `out_dir/<client>/<run>`."""
        ...

    def recover(self) -> list[RunId]:
        """Resume the pending runs of every process that died (a worker calls this all the time)."""
        ...

    def wait(self, run_id: RunId, *, timeout_seconds: float = 600) -> RunSummary:
        """Block until the run finishes or waits for approval; return its summary."""
        ...

    def approve(self, run_id: RunId, comment: str | None = None) -> RunSummary:
        """Let a run waiting for approval go on to delivery.

        Raises:
            NotFound: no such run.
            Conflict: the run is not waiting for approval.
        """
        ...

    def reject(self, run_id: RunId, comment: str, items: list[str] | None = None) -> RunSummary:
        """Send a waiting run back: its content is revised with `comment`, checked again, and waits again.

        Args:
            items: ids (or unique prefixes) of the items to revise; every item when None.

        Raises:
            NotFound: no such run.
            Conflict: the run is not waiting for approval.
            InvalidInput: the comment is empty, or an item is not in the run's pack.
        """
        ...

    def edit_item(self, run_id: RunId, item: str, fields: dict[str, str]) -> RunSummary:
        """Replace the wording of one item of a waiting run's pack with an operator's own, and
        check that item again: its findings and the run's QC score are the new wording's, the
        run keeps waiting, and an approval delivers the edited item.

        Args:
            item: the item's id or a unique prefix of it.
            fields: the fields to replace by name (hook, body, cta…); the others stay.

        Raises:
            NotFound: no such run.
            Conflict: the run is not waiting for approval.
            InvalidInput: the item is not in the run's pack (`--item`), or a field is wrong
                (`fields.<name>`).
        """
        ...

    def resume(self, *, timeout_seconds: float = 600) -> list[RunSummary]:
        """Wait until every run this process recovered has finished or waits for approval."""
        ...

    def steps(self, run_id: RunId) -> list[StepRecord]:
        """The workflow's own steps of a run in the order they began, compensations included;
        raises NotFound for an unknown run."""
        ...

    def events_of(self, run_id: RunId) -> list[RunEvent]:
        """The events stored for a run — package built, deliveries, completion or compensation — oldest first."""
        ...

    def list_runs(self, limit: int = 50) -> list[RunSummary]:
        """The newest runs first."""
        ...

    def find_runs(self, query: RunQuery) -> RunPage:
        """One page of the runs `query` asks for, newest first; a page costs the same however many runs there are.

        Raises:
            InvalidInput: the cursor is not one a page gave (the field `cursor` is named).
        """
        ...

    def count_runs(self, client: str | None = None) -> dict[RunState, int]:
        """How many runs stand in each state (every state, zeros included), of one client or all."""
        ...

    def get_run(self, run_id: RunId) -> RunSummary:
        """One run; raises NotFound when there is none."""
        ...

    def resolve(self, typed: str) -> RunId:
        """The run whose id starts with `typed`, as git takes a commit's prefix.

        Raises:
            InvalidInput: `typed` is not the start of an id, or starts several.
            NotFound: no run id starts with it.
        """
        ...

    def short_ids(self, run_ids: list[RunId]) -> dict[RunId, str]:
        """The shortest prefix of each id that no other run shares (8 characters at least)."""
        ...

    def preview(self, run_id: RunId) -> list[Artifact]:
        """Render the run's current content pack as Markdown and PDF into `<run folder>/preview`,
        so an operator can read what an approval would deliver.

        Raises:
            NotFound: no such run.
            Conflict: the run has no content pack yet.
        """
        ...
