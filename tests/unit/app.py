"""The modules that run in a unit of work, booted on fakes through the composition root."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pathlib import Path

from aicmo.cam.internal.bootstrap import RejectsFolder
from aicmo.creatives.api import Writer
from aicmo.creatives.internal.template_writer import TemplateWriter
from aicmo.delivery.internal.bootstrap import DeliveryChannels, RetryPolicy
from aicmo.gateways.api import FileDrop
from aicmo.kernel.clock import FixedClock
from aicmo.orchestration.composition.units_of_work import UnitAdapters, UnitModules, UnitsOfWork, bootstrap_unit_modules
from tests.fakes import (
    FakeAccountsRepository,
    FakeBriefRepository,
    FakeCamRepository,
    FakeFileDrop,
    FakeMailer,
    FakePackageRepository,
    FakePackRepository,
    FakePasswords,
    FakeQcRunRepository,
    FakeStrategyRepository,
    FakeUnitOfWork,
    FakeWebhookPoster,
)

START = dt.datetime(2027, 1, 11, 9, 0, tzinfo=dt.UTC)
AGENCY = "Brightside Marketing"
ATTEMPTS = 3
"""Tries per delivery target, without waiting between them."""
IMPORTS = Path("imports")
"""The folder CAM's imports write their rejects CSV to, in `TestApp.rejects`."""


@dataclass
class TestApp:
    """The modules' ports, the clock they read, each module's fake unit of work to look into,
    the fake channels delivery sends through, and the folder CAM's imports write rejects to."""

    modules: UnitModules
    clock: FixedClock
    onboarding: FakeUnitOfWork[FakeBriefRepository]
    strategy: FakeUnitOfWork[FakeStrategyRepository]
    qc: FakeUnitOfWork[FakeQcRunRepository]
    accounts: FakeUnitOfWork[FakeAccountsRepository]
    production: FakeUnitOfWork[FakePackRepository]
    delivery: FakeUnitOfWork[FakePackageRepository]
    mailer: FakeMailer
    poster: FakeWebhookPoster
    cam: FakeUnitOfWork[FakeCamRepository]
    rejects: FakeFileDrop


def bootstrap_test_app(
    *,
    writer: Writer | None = None,
    file_drop: FileDrop | None = None,
    mailer: FakeMailer | None = None,
    poster: FakeWebhookPoster | None = None,
) -> TestApp:
    """Every module on fakes; the template writer and an in-memory folder unless given others."""
    clock = FixedClock(START)
    onboarding = FakeUnitOfWork(FakeBriefRepository())
    strategy = FakeUnitOfWork(FakeStrategyRepository())
    qc = FakeUnitOfWork(FakeQcRunRepository())
    accounts = FakeUnitOfWork(FakeAccountsRepository())
    production = FakeUnitOfWork(FakePackRepository())
    delivery = FakeUnitOfWork(FakePackageRepository())
    cam = FakeUnitOfWork(FakeCamRepository())
    mailer, poster, rejects = mailer or FakeMailer(), poster or FakeWebhookPoster(), FakeFileDrop()
    units = UnitsOfWork(
        onboarding=lambda: onboarding,
        strategy=lambda: strategy,
        qc=lambda: qc,
        accounts=lambda: accounts,
        production=lambda: production,
        delivery=lambda: delivery,
        cam=lambda: cam,
    )
    channels = DeliveryChannels(
        file_drop or FakeFileDrop(), mailer, poster, RetryPolicy(ATTEMPTS, first_wait_seconds=0.0)
    )
    adapters = UnitAdapters(
        writer=writer or TemplateWriter(),
        delivery=channels,
        agency=AGENCY,
        passwords=FakePasswords(),
        lead_rejects=RejectsFolder(rejects, IMPORTS),
    )
    modules = bootstrap_unit_modules(clock, units, adapters)
    return TestApp(
        modules, clock, onboarding, strategy, qc, accounts, production, delivery, mailer, poster, cam, rejects
    )
