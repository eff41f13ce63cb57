"""The run records: what `aicmo runs` shows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select, update

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.orchestration.api.dtos import RunId, RunPage, RunQuery, RunState, RunSummary
from aicmo.orchestration.api.events import WorkflowCompensated, WorkflowCompleted
from aicmo.orchestration.internal.models import OWNER, OrchestrationOutbox, RunRow, StepAttemptRow
from aicmo.platform.db import Database
from aicmo.platform.db.keyset import cursor_after, older_than
from aicmo.platform.db.short_ids import resolve_prefix, shortest_prefixes
from aicmo.platform.events import outbox_entry


class RunStore:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create(self, run_id: RunId, workflow: str, client_name: str, source: str, folder: Path) -> None:
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            session.add(
                RunRow(
                    id=run_id,
                    workflow=workflow,
                    client_name=client_name,
                    state=RunState.RUNNING,
                    current_step=None,
                    source=source,
                    folder=str(folder),
                    started_at=now,
                    updated_at=now,
                )
            )

    def update(self, run_id: RunId, **changes: object) -> None:
        with self._db.session_for(OWNER) as session:
            row = session.get_one(RunRow, run_id)
            for name, value in changes.items():
                setattr(row, name, value)
            row.updated_at = self._clock.now()

    def take_decision(self, run_id: RunId) -> RunSummary:
        """The run leaves AWAITING_APPROVAL for this decision alone: of two deciders, one wins,
        the other gets Conflict."""
        with self._db.session_for(OWNER) as session:
            taken = session.execute(
                update(RunRow)
                .where(RunRow.id == run_id, RunRow.state == RunState.AWAITING_APPROVAL)
                .values(state=RunState.RUNNING, updated_at=self._clock.now())
            )
        summary = self.get(run_id)
        if taken.rowcount != 1:
            raise Conflict(f"run {run_id} is {summary.state}, not waiting for approval")
        return summary

    def enter_step(self, run_id: RunId, function_id: int, step: str, **changes: object) -> None:
        """The run is at `step` now: record it on the run and count the step's attempt."""
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            row = session.get_one(RunRow, run_id)
            for name, value in {"current_step": step, **changes}.items():
                setattr(row, name, value)
            row.updated_at = now
            attempt = session.get(StepAttemptRow, (run_id, function_id))
            if attempt is None:
                session.add(
                    StepAttemptRow(run_id=run_id, function_id=function_id, step=step, attempts=1, last_started_at=now)
                )
            else:
                attempt.attempts += 1
                attempt.last_started_at = now

    def attempts(self, run_id: RunId) -> dict[int, int]:
        """Attempts by DBOS function id."""
        with self._db.session_for(OWNER) as session:
            rows = session.execute(
                select(StepAttemptRow.function_id, StepAttemptRow.attempts).where(StepAttemptRow.run_id == run_id)
            )
            return dict(rows.all())

    def finish(
        self, run_id: RunId, state: RunState, *, error: str | None = None, failed_step: str | None = None
    ) -> None:
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            row = session.get_one(RunRow, run_id)
            row.state = state
            row.error = error
            row.updated_at = row.finished_at = now
            if state == RunState.DELIVERED:
                event = WorkflowCompleted(run_id=run_id, workflow=row.workflow, state=state)
            else:
                event = WorkflowCompensated(
                    run_id=run_id, workflow=row.workflow, failed_step=failed_step or "", reason=error or state
                )
            session.add(outbox_entry(OrchestrationOutbox, event))

    def get(self, run_id: RunId) -> RunSummary:
        with self._db.session_for(OWNER) as session:
            row = session.get(RunRow, run_id)
            if row is None:
                raise NotFound(f"no run {run_id}: list runs with `aicmo runs`")
            return _summary(row)

    def resolve(self, typed: str) -> RunId:
        with self._db.session_for(OWNER) as session:
            return RunId.parse(resolve_prefix(session, RunRow.id, typed, what="run", listed_by="`aicmo runs`"))

    def short_ids(self, run_ids: list[RunId]) -> dict[RunId, str]:
        with self._db.session_for(OWNER) as session:
            return {RunId.parse(key): short for key, short in shortest_prefixes(session, RunRow.id, run_ids).items()}

    def unfinished(self) -> list[RunSummary]:
        finished = [state.value for state in RunState if state.finished]
        with self._db.session_for(OWNER) as session:
            rows = session.scalars(select(RunRow).where(RunRow.state.not_in(finished)).order_by(RunRow.started_at))
            return [_summary(row) for row in rows]

    def newest(self, limit: int) -> list[RunSummary]:
        with self._db.session_for(OWNER) as session:
            rows = session.scalars(select(RunRow).order_by(RunRow.started_at.desc()).limit(limit))
            return [_summary(row) for row in rows]

    def count(self, client: str | None) -> dict[RunState, int]:
        statement = select(RunRow.state, func.count()).group_by(RunRow.state)
        if client is not None:
            statement = statement.where(RunRow.client_name == client)
        with self._db.session_for(OWNER) as session:
            counts: dict[str, int] = {state: count for state, count in session.execute(statement)}
        return {state: counts.get(state, 0) for state in RunState}

    def page(self, query: RunQuery) -> RunPage:
        statement = select(RunRow).order_by(RunRow.started_at.desc(), RunRow.id.desc()).limit(query.limit + 1)
        if query.state is not None:
            statement = statement.where(RunRow.state == query.state)
        if query.client is not None:
            statement = statement.where(RunRow.client_name == query.client)
        if query.qc_report is not None:
            statement = statement.where(RunRow.qc_run_id == query.qc_report)
        if query.cursor is not None:
            statement = statement.where(older_than(query.cursor, RunRow.started_at, RunRow.id))
        with self._db.session_for(OWNER) as session:
            rows = list(session.scalars(statement))
            more = len(rows) > query.limit
            shown = rows[: query.limit]
            last = shown[-1] if more else None
            return RunPage(
                runs=[_summary(row) for row in shown],
                next_cursor=cursor_after(last.started_at, last.id) if last else None,
            )


def _summary(row: RunRow) -> RunSummary:
    """While a run waits for a decision, its `error` column holds the note for the operator."""
    waiting = row.state == RunState.AWAITING_APPROVAL
    return RunSummary(
        run_id=row.id,
        workflow=row.workflow,
        client_name=row.client_name,
        state=RunState(row.state),
        current_step=row.current_step,
        started_at=row.started_at,
        updated_at=row.updated_at,
        finished_at=row.finished_at,
        error=None if waiting else row.error,
        note=row.error if waiting else None,
        folder=row.folder,
        package_id=row.package_id,
        qc_score=row.qc_score,
        qc_run_id=row.qc_run_id,
    )
