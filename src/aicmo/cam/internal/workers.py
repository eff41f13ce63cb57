"""Worker heartbeat rows: who runs cycles, since when, last seen when.

A worker's claims on sends hold while its heartbeat is fresh. A worker that stopped, or
has been silent longer than the lease, holds nothing: `void_workers` names them for the
release of their claims.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid

from sqlalchemy import Select, or_, select, update
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import WorkerId, WorkerStatus
from aicmo.cam.internal.models import OWNER, WorkerRow
from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database

SENDING, IDLE, STOPPED, STALE = "sending", "idle", "stopped", "stale"


class WorkerBook:
    def __init__(self, db: Database, clock: Clock, lease: dt.timedelta) -> None:
        self._db = db
        self._clock = clock
        self.lease = lease

    def register(self) -> uuid.UUID:
        now, worker_id = self._clock.now(), uuid.uuid4()
        with self._db.session_for(OWNER) as session:
            session.add(WorkerRow(id=worker_id, host=socket.gethostname(), pid=os.getpid(), started_at=now, last_seen=now, status=IDLE, cycles=0))
        return worker_id

    def beat(self, worker_id: uuid.UUID, status: str | None = None, *, cycle_done: bool = False) -> None:
        changes: dict = {}
        if status:
            changes["status"] = status
        if cycle_done:
            changes["cycles"] = WorkerRow.cycles + 1
        with self._db.session_for(OWNER) as session:
            self.touch(session, worker_id, **changes)

    def touch(self, session: Session, worker_id: uuid.UUID, **changes: object) -> dt.datetime:
        """Mark the worker seen now (plus `changes`) inside the caller's transaction; returns now."""
        now = self._clock.now()
        session.execute(update(WorkerRow).where(WorkerRow.id == worker_id).values(last_seen=now, **changes))
        return now

    def void_workers(self, now: dt.datetime) -> Select:
        """Ids of workers whose claims no longer hold: stopped, or silent past the lease."""
        return select(WorkerRow.id).where(or_(WorkerRow.status == STOPPED, WorkerRow.last_seen < now - self.lease))

    def statuses(self) -> list[WorkerStatus]:
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            rows = session.scalars(select(WorkerRow).order_by(WorkerRow.last_seen.desc())).all()
        return [
            WorkerStatus(
                worker_id=WorkerId.parse(row.id),
                host=row.host,
                pid=row.pid,
                started_at=row.started_at,
                last_seen=row.last_seen,
                status=STALE if row.status != STOPPED and row.last_seen < now - self.lease else row.status,
                cycles=row.cycles,
            )
            for row in rows
        ]
