"""Strategy wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database
from aicmo.strategy.api.ports import StrategyPlanner
from aicmo.strategy.internal.models import StrategyBase
from aicmo.strategy.internal.service import StrategyService

METADATA = StrategyBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


def bootstrap_strategy(db: Database, clock: Clock) -> StrategyPlanner:
    return StrategyService(db, clock)
