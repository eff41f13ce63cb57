"""Void a run: the compensation when a later step of the workflow fails."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.qc.api.dtos import QcRunId
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory


def void(uow: QcUnitOfWorkFactory, clock: Clock, run_id: QcRunId) -> None:
    """Idempotent: a run voided already, or never stored, stays as it is."""
    with uow() as unit:
        run = unit.repository.run(run_id)
        if run is not None and run.voided_at is None:
            run.voided_at = clock.now()
            unit.commit()
