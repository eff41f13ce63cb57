"""Which processes run workflows, whether they still live, and who takes over from the dead.

Each process that launches DBOS registers itself and beats every few seconds. A process
is dead when it runs on this host and its pid is gone, or when it has been silent longer
than the lease. Taking over is a claim — one conditional UPDATE — so of two survivors
only one resumes the dead process's workflows.

Silence is not proof of death: a process paused or starved of CPU longer than the lease
is taken over while it still runs. DBOS fences its executions of the runs handed on (each
step it records afterwards is refused), but it goes on taking runs from the queue under the
same executor id. Were it left "recovered", nobody would take over the runs it holds when
it really dies; so its next beat makes it alive again, and one that dies holding runs
before that beat is claimed again.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket

from sqlalchemy import select, update

from aicmo.kernel.clock import Clock
from aicmo.orchestration.internal.models import OWNER, ExecutorRow
from aicmo.platform.db import Database
from aicmo.platform.heartbeat import Heartbeat, process_exists

log = logging.getLogger(__name__)

ALIVE, EXITED, RECOVERED = "alive", "exited", "recovered"


class ExecutorRegistry:
    def __init__(self, db: Database, clock: Clock, executor: str, *, lease: dt.timedelta) -> None:
        self._db = db
        self._clock = clock
        self.executor = executor
        self._lease = lease
        self._beat = Heartbeat(self.heartbeat, max(0.5, lease.total_seconds() / 5), name="aicmo-heartbeat")

    def register(self, kind: str) -> None:
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            session.merge(
                ExecutorRow(
                    id=self.executor,
                    kind=kind,
                    host=socket.gethostname(),
                    pid=os.getpid(),
                    status=ALIVE,
                    started_at=now,
                    last_seen=now,
                )
            )
        self._beat.start()

    def heartbeat(self) -> None:
        """Say this process lives, and take back its place if it was taken for dead meanwhile."""
        with self._db.session_for(OWNER) as session:
            mine = ExecutorRow.id == self.executor
            session.execute(update(ExecutorRow).where(mine).values(last_seen=self._clock.now()))
            revived = session.execute(
                update(ExecutorRow).where(mine, ExecutorRow.status == RECOVERED).values(status=ALIVE, recovered_by=None)
            )
        if revived.rowcount:
            log.warning("%s was silent longer than the lease and taken for dead; it goes on", self.executor)

    def exited(self) -> None:
        self._beat.stop()
        with self._db.session_for(OWNER) as session:
            session.execute(
                update(ExecutorRow)
                .where(ExecutorRow.id == self.executor)
                .values(status=EXITED, last_seen=self._clock.now())
            )

    def alive(self, executor: str) -> bool:
        """Whether that executor still runs and beats (an exited or recovered one does not)."""
        with self._db.session_for(OWNER) as session:
            row = session.get(ExecutorRow, executor)
            return row is not None and row.status == ALIVE and not self._dead(row, self._clock.now())

    def claim_dead(self, holding: set[str]) -> list[str]:
        """Executors that died (or exited leaving work), each claimed by this process alone.

        One taken over before is claimed again when it died holding runs (`holding`, the
        executors that run workflows now): it took them after it was taken for dead, maybe
        too soon before dying to beat again.
        """
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            candidates = session.scalars(
                select(ExecutorRow).where(
                    ExecutorRow.id != self.executor,
                    ExecutorRow.status.in_((ALIVE, EXITED))
                    | ((ExecutorRow.status == RECOVERED) & ExecutorRow.id.in_(holding)),
                )
            ).all()
            dead = [row for row in candidates if row.status == EXITED or self._dead(row, now)]
            seen = [(row.id, row.status, row.recovered_by) for row in dead]
        return [executor for executor, status, by in seen if self._claim(executor, status, by)]

    def claim(self, executor: str) -> bool:
        """Take over an executor that is not alive; of several processes trying, one wins."""
        with self._db.session_for(OWNER) as session:
            row = session.get(ExecutorRow, executor)
            seen = None if row is None else (row.status, row.recovered_by)
        return seen is not None and self._claim(executor, *seen)

    def _claim(self, executor: str, status: str, recovered_by: str | None) -> bool:
        """Mark it recovered by this process, unless it changed since it was read as (status, recovered_by)."""
        with self._db.session_for(OWNER) as session:
            won = session.execute(
                update(ExecutorRow)
                .where(
                    ExecutorRow.id == executor,
                    ExecutorRow.id != self.executor,
                    ExecutorRow.status == status,
                    ExecutorRow.recovered_by.is_not_distinct_from(recovered_by),
                )
                .values(status=RECOVERED, recovered_by=self.executor)
            )
            return won.rowcount == 1

    def _dead(self, row: ExecutorRow, now: dt.datetime) -> bool:
        return (row.host == socket.gethostname() and not process_exists(row.pid)) or row.last_seen < now - self._lease
