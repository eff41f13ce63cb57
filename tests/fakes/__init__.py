"""Fakes of the ports, named after them, for tests that pass them through `bootstrap`."""

from tests.fakes.brief_repository import FakeBriefRepository
from tests.fakes.cam_repository import FakeCamRepository
from tests.fakes.mailer import FakeMailer
from tests.fakes.qc_run_repository import FakeQcRunRepository
from tests.fakes.sorted_keys import FakeSortedKeys
from tests.fakes.strategy_repository import FakeStrategyRepository
from tests.fakes.unit_of_work import FakeUnitOfWork
from tests.fakes.writer import FakeWriter

__all__ = [
    "FakeBriefRepository",
    "FakeCamRepository",
    "FakeMailer",
    "FakeQcRunRepository",
    "FakeSortedKeys",
    "FakeStrategyRepository",
    "FakeUnitOfWork",
    "FakeWriter",
]
