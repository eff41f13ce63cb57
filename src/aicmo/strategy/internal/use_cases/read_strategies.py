"""Read a stored strategy version."""

from __future__ import annotations

from aicmo.kernel.errors import NotFound
from aicmo.strategy.api.dtos import Strategy, StrategyVersionId
from aicmo.strategy.internal.documents import strategy
from aicmo.strategy.internal.strategy_repository import StrategyUnitOfWorkFactory


def get_version(uow: StrategyUnitOfWorkFactory, version_id: StrategyVersionId) -> Strategy:
    with uow() as unit:
        row = unit.repository.version(version_id)
        if row is None:
            raise NotFound(f"no strategy version {version_id}")
        return strategy(unit.repository.document_of(row), row)
