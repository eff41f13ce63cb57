"""Strategy wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.kernel.clock import Clock
from aicmo.strategy.api.ports import StrategyPlanner
from aicmo.strategy.internal.models import StrategyBase
from aicmo.strategy.internal.service import StrategyService
from aicmo.strategy.internal.sql_strategy_repository import sql_strategy_unit_of_work
from aicmo.strategy.internal.strategy_repository import StrategyUnitOfWorkFactory

METADATA = StrategyBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"

__all__ = ["METADATA", "MIGRATIONS", "bootstrap_strategy", "sql_strategy_unit_of_work"]


def bootstrap_strategy(clock: Clock, uow: StrategyUnitOfWorkFactory) -> StrategyPlanner:
    """Strategy on the units of work `uow` opens: `sql_strategy_unit_of_work(db)`, or a fake in tests."""
    return StrategyService(uow, clock)
