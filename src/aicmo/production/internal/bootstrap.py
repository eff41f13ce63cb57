"""Production wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.creatives.api import Writer
from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database
from aicmo.production.api.ports import ContentProduction
from aicmo.production.internal.models import ProductionBase
from aicmo.production.internal.service import ProductionService

METADATA = ProductionBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


def bootstrap_production(db: Database, clock: Clock, writer: Writer) -> ContentProduction:
    return ProductionService(db, clock, writer)
