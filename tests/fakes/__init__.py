"""Fakes of the ports, named after them, for tests that pass them through `bootstrap`."""

from tests.fakes.accounts_repository import FakeAccountsRepository
from tests.fakes.brief_repository import FakeBriefRepository
from tests.fakes.cam_repository import FakeCamRepository
from tests.fakes.file_drop import FakeFileDrop
from tests.fakes.mailer import FakeMailer
from tests.fakes.pack_repository import FakePackRepository
from tests.fakes.passwords import FakePasswords
from tests.fakes.package_repository import FakePackageRepository
from tests.fakes.qc_run_repository import FakeQcRunRepository
from tests.fakes.strategy_repository import FakeStrategyRepository
from tests.fakes.unit_of_work import FakeUnitOfWork
from tests.fakes.webhook_poster import FakeWebhookPoster
from tests.fakes.writer import FakeFailedModelWriter, FakeWriter

__all__ = [
    "FakeAccountsRepository",
    "FakeBriefRepository",
    "FakeCamRepository",
    "FakeFailedModelWriter",
    "FakeFileDrop",
    "FakeMailer",
    "FakePackRepository",
    "FakePackageRepository",
    "FakePasswords",
    "FakeQcRunRepository",
    "FakeStrategyRepository",
    "FakeUnitOfWork",
    "FakeWebhookPoster",
    "FakeWriter",
]
