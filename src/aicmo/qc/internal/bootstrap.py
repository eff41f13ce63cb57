"""QC wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database
from aicmo.qc.api.ports import QualityGate
from aicmo.qc.internal.models import QcBase
from aicmo.qc.internal.service import QcService

METADATA = QcBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


def bootstrap_qc(db: Database, clock: Clock) -> QualityGate:
    return QcService(db, clock)
