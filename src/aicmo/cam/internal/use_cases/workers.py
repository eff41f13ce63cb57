"""Worker heartbeats: who runs cycles, since when, last seen when.

A worker's claims on sends hold while its heartbeat is fresh. A worker that stopped, or
has been silent longer than the lease, holds nothing: `release_claims` frees its claims.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid

from aicmo.cam.api.dtos import WorkerId, WorkerStatus
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.models import WorkerRow
from aicmo.kernel.clock import Clock

SENDING, IDLE, STOPPED, STALE = "sending", "idle", "stopped", "stale"


def register_worker(uow: CamUnitOfWorkFactory, clock: Clock) -> uuid.UUID:
    now, worker_id = clock.now(), uuid.uuid4()
    with uow() as unit:
        unit.repository.add_worker(
            WorkerRow(
                id=worker_id,
                host=socket.gethostname(),
                pid=os.getpid(),
                started_at=now,
                last_seen=now,
                status=IDLE,
                cycles=0,
            )
        )
        unit.commit()
    return worker_id


def beat(
    uow: CamUnitOfWorkFactory,
    clock: Clock,
    worker_id: uuid.UUID,
    status: str | None = None,
    *,
    cycle_done: bool = False,
) -> None:
    with uow() as unit:
        unit.repository.touch_worker(worker_id, clock.now(), status=status, cycle_done=cycle_done)
        unit.commit()


def worker_statuses(uow: CamUnitOfWorkFactory, clock: Clock, lease: dt.timedelta) -> list[WorkerStatus]:
    """Every worker, most recently seen first; one silent past the lease is STALE unless it stopped."""
    now = clock.now()
    with uow() as unit:
        return [
            WorkerStatus(
                worker_id=WorkerId.parse(row.id),
                host=row.host,
                pid=row.pid,
                started_at=row.started_at,
                last_seen=row.last_seen,
                status=STALE if row.status != STOPPED and row.last_seen < now - lease else row.status,
                cycles=row.cycles,
            )
            for row in unit.repository.workers()
        ]
