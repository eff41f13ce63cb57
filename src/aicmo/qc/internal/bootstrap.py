"""QC wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.kernel.clock import Clock
from aicmo.qc.api.ports import QualityGate
from aicmo.qc.internal.models import QcBase
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory
from aicmo.qc.internal.service import QcService
from aicmo.qc.internal.sql_run_repository import sql_qc_unit_of_work

METADATA = QcBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"

__all__ = ["METADATA", "MIGRATIONS", "bootstrap_qc", "sql_qc_unit_of_work"]


def bootstrap_qc(clock: Clock, uow: QcUnitOfWorkFactory) -> QualityGate:
    """QC on the units of work `uow` opens: `sql_qc_unit_of_work(db)`, or a fake in tests."""
    return QcService(uow, clock)
