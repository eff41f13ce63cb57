"""The modules whose use cases run in a unit of work, booted on the database or on fakes.

`bootstrap()` builds them on `sql_units_of_work(db)`; a test passes fakes to
`bootstrap_unit_modules` and needs no database.
"""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database
from aicmo.qc.api import QualityGate
from aicmo.qc.internal.bootstrap import bootstrap_qc, sql_qc_unit_of_work
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory


@dataclass(frozen=True)
class UnitsOfWork:
    """Each module's unit-of-work factory."""

    qc: QcUnitOfWorkFactory


@dataclass(frozen=True)
class UnitModules:
    """The ports of the modules built on `UnitsOfWork`."""

    qc: QualityGate


def sql_units_of_work(db: Database) -> UnitsOfWork:
    return UnitsOfWork(qc=sql_qc_unit_of_work(db))


def bootstrap_unit_modules(clock: Clock, units: UnitsOfWork) -> UnitModules:
    return UnitModules(qc=bootstrap_qc(clock, units.qc))
