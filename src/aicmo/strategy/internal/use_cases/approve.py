"""Approve a strategy version; a discarded one cannot be."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.strategy.api.dtos import Strategy, StrategyStatus, StrategyVersionId
from aicmo.strategy.api.events import StrategyApproved
from aicmo.strategy.internal.documents import strategy
from aicmo.strategy.internal.strategy_repository import StrategyUnitOfWorkFactory


def approve(uow: StrategyUnitOfWorkFactory, clock: Clock, version_id: StrategyVersionId) -> Strategy:
    """Approving an approved version again changes nothing and publishes nothing."""
    with uow() as unit:
        row = unit.repository.version(version_id)
        if row is None:
            raise NotFound(f"no strategy version {version_id}")
        if row.status == StrategyStatus.DISCARDED:
            raise Conflict(f"strategy version {version_id} was discarded; generate a new one")
        if row.status != StrategyStatus.APPROVED:
            row.status = StrategyStatus.APPROVED
            row.approved_at = clock.now()
            unit.publish(StrategyApproved(strategy_id=row.strategy_id, version_id=row.id, version=row.version))
            unit.commit()
        return strategy(unit.repository.document_of(row), row)
