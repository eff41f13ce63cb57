"""The modules that run in a unit of work, booted on fakes through the composition root."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aicmo.kernel.clock import FixedClock
from aicmo.orchestration.composition.units_of_work import UnitModules, UnitsOfWork, bootstrap_unit_modules
from tests.fakes import FakeBriefRepository, FakeCamRepository, FakeQcRunRepository, FakeStrategyRepository, FakeUnitOfWork

START = dt.datetime(2027, 1, 11, 9, 0, tzinfo=dt.UTC)


@dataclass
class TestApp:
    """The modules' ports, the clock they read, and each module's fake unit of work to look into."""

    modules: UnitModules
    clock: FixedClock
    onboarding: FakeUnitOfWork[FakeBriefRepository]
    strategy: FakeUnitOfWork[FakeStrategyRepository]
    qc: FakeUnitOfWork[FakeQcRunRepository]
    cam: FakeUnitOfWork[FakeCamRepository]


def bootstrap_test_app() -> TestApp:
    clock = FixedClock(START)
    onboarding = FakeUnitOfWork(FakeBriefRepository())
    strategy = FakeUnitOfWork(FakeStrategyRepository())
    qc = FakeUnitOfWork(FakeQcRunRepository())
    cam = FakeUnitOfWork(FakeCamRepository())
    units = UnitsOfWork(onboarding=lambda: onboarding, strategy=lambda: strategy, qc=lambda: qc, cam=lambda: cam)
    return TestApp(bootstrap_unit_modules(clock, units), clock, onboarding, strategy, qc, cam)
