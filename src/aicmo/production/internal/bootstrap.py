"""Production wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.creatives.api import Writer
from aicmo.kernel.clock import Clock
from aicmo.production.api.ports import ContentProduction
from aicmo.production.internal.models import ProductionBase
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory
from aicmo.production.internal.service import ProductionService
from aicmo.production.internal.sql_pack_repository import sql_production_unit_of_work

METADATA = ProductionBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"

__all__ = ["METADATA", "MIGRATIONS", "bootstrap_production", "sql_production_unit_of_work"]


def bootstrap_production(clock: Clock, uow: ProductionUnitOfWorkFactory, writer: Writer) -> ContentProduction:
    """Production on the units of work `uow` opens (`sql_production_unit_of_work(db)`, or a fake
    in tests), writing with `writer`."""
    return ProductionService(uow, clock, writer)
