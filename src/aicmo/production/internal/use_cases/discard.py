"""Discard a pack: the compensation when a later step of the workflow fails."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.production.api.dtos import PackId, PackStatus
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory


def discard(uow: ProductionUnitOfWorkFactory, clock: Clock, pack_id: PackId) -> None:
    """Idempotent: a discarded or unknown pack stays as it is."""
    with uow() as unit:
        pack = unit.repository.pack(pack_id)
        if pack is not None and pack.status != PackStatus.DISCARDED:
            pack.status = PackStatus.DISCARDED
            pack.discarded_at = clock.now()
            unit.commit()
