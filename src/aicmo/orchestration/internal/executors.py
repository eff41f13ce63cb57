"""Which processes run workflows, whether they still live, and who takes over from the dead.

Each process that launches DBOS registers itself and beats every few seconds. A process
is dead when it runs on this host and its pid is gone, or when it has been silent longer
than the lease. Taking over is a claim — one conditional UPDATE — so of two survivors
only one resumes the dead process's workflows.
"""

from __future__ import annotations

import datetime as dt
import os
import socket

from sqlalchemy import select, update

from aicmo.kernel.clock import Clock
from aicmo.orchestration.internal.models import ExecutorRow
from aicmo.platform.db import Database
from aicmo.platform.heartbeat import Heartbeat, process_exists

OWNER = "orchestration"
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
                ExecutorRow(id=self.executor, kind=kind, host=socket.gethostname(), pid=os.getpid(), status=ALIVE, started_at=now, last_seen=now)
            )
        self._beat.start()

    def heartbeat(self) -> None:
        with self._db.session_for(OWNER) as session:
            session.execute(update(ExecutorRow).where(ExecutorRow.id == self.executor).values(last_seen=self._clock.now()))

    def exited(self) -> None:
        self._beat.stop()
        with self._db.session_for(OWNER) as session:
            session.execute(update(ExecutorRow).where(ExecutorRow.id == self.executor).values(status=EXITED, last_seen=self._clock.now()))

    def alive(self, executor: str) -> bool:
        """Whether that executor still runs and beats (an exited or recovered one does not)."""
        with self._db.session_for(OWNER) as session:
            row = session.get(ExecutorRow, executor)
            return row is not None and row.status == ALIVE and not self._dead(row, self._clock.now())

    def claim_dead(self) -> list[str]:
        """Executors that died (or exited leaving work), each claimed by this process alone."""
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            candidates = session.scalars(
                select(ExecutorRow).where(ExecutorRow.status.in_((ALIVE, EXITED)), ExecutorRow.id != self.executor)
            ).all()
            dead = [row.id for row in candidates if row.status == EXITED or self._dead(row, now)]
        return [executor for executor in dead if self.claim(executor)]

    def claim(self, executor: str) -> bool:
        """Take over a dead or exited executor; of several processes trying, one wins."""
        with self._db.session_for(OWNER) as session:
            won = session.execute(
                update(ExecutorRow)
                .where(ExecutorRow.id == executor, ExecutorRow.id != self.executor, ExecutorRow.status.in_((ALIVE, EXITED)))
                .values(status=RECOVERED, recovered_by=self.executor)
            )
            return won.rowcount == 1

    def _dead(self, row: ExecutorRow, now: dt.datetime) -> bool:
        return (row.host == socket.gethostname() and not process_exists(row.pid)) or row.last_seen < now - self._lease
