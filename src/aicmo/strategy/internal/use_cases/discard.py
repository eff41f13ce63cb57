"""Discard a strategy version: the compensation when a later step of the workflow fails."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.strategy.api.dtos import StrategyStatus, StrategyVersionId
from aicmo.strategy.internal.strategy_repository import StrategyUnitOfWorkFactory


def discard(uow: StrategyUnitOfWorkFactory, clock: Clock, version_id: StrategyVersionId) -> None:
    """Idempotent: a discarded or unknown version stays as it is."""
    with uow() as unit:
        row = unit.repository.version(version_id)
        if row is not None and row.status != StrategyStatus.DISCARDED:
            row.status = StrategyStatus.DISCARDED
            row.discarded_at = clock.now()
            unit.commit()
