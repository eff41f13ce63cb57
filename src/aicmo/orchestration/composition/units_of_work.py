"""The modules whose use cases run in a unit of work, booted on the database or on fakes.

`bootstrap()` builds them on `sql_units_of_work(db)`; a test passes fakes to
`bootstrap_unit_modules` (units of work and the adapters the modules call out through)
and needs no database.
"""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.accounts.api import Accounts, AuditLog, ReviewLinks
from aicmo.accounts.internal.bootstrap import (
    bootstrap_accounts,
    bootstrap_audit_log,
    bootstrap_review_links,
    sql_accounts_unit_of_work,
)
from aicmo.accounts.internal.passwords import PasswordHasher
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.creatives.api import Writer
from aicmo.delivery.api import PackageBuilder
from aicmo.delivery.internal.bootstrap import DeliveryChannels, bootstrap_delivery, sql_delivery_unit_of_work
from aicmo.delivery.internal.package_repository import DeliveryUnitOfWorkFactory
from aicmo.cam.api import CampaignBook, LeadPipeline
from aicmo.cam.internal.bootstrap import RejectsFolder, bootstrap_campaigns, bootstrap_pipeline, sql_cam_unit_of_work
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import BriefIntake
from aicmo.onboarding.internal.bootstrap import bootstrap_onboarding, sql_onboarding_unit_of_work
from aicmo.onboarding.internal.brief_repository import OnboardingUnitOfWorkFactory
from aicmo.platform.db import Database
from aicmo.production.api import ContentProduction
from aicmo.production.internal.bootstrap import bootstrap_production, sql_production_unit_of_work
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory
from aicmo.qc.api import QualityGate
from aicmo.qc.internal.bootstrap import bootstrap_qc, sql_qc_unit_of_work
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory
from aicmo.strategy.api import StrategyPlanner
from aicmo.strategy.internal.bootstrap import bootstrap_strategy, sql_strategy_unit_of_work
from aicmo.strategy.internal.strategy_repository import StrategyUnitOfWorkFactory


@dataclass(frozen=True)
class UnitsOfWork:
    """Each module's unit-of-work factory."""

    onboarding: OnboardingUnitOfWorkFactory
    strategy: StrategyUnitOfWorkFactory
    qc: QcUnitOfWorkFactory
    accounts: AccountsUnitOfWorkFactory
    production: ProductionUnitOfWorkFactory
    delivery: DeliveryUnitOfWorkFactory
    cam: CamUnitOfWorkFactory


@dataclass(frozen=True)
class UnitAdapters:
    """What the modules built on `UnitsOfWork` call out through: production's writer,
    delivery's folder, email and webhook channels and the agency its documents name, how
    accounts keep passwords, and where CAM's imports write the rows they reject."""

    writer: Writer
    delivery: DeliveryChannels
    agency: str | None
    passwords: PasswordHasher
    lead_rejects: RejectsFolder


@dataclass(frozen=True)
class UnitModules:
    """The ports of the modules built on `UnitsOfWork`."""

    onboarding: BriefIntake
    strategy: StrategyPlanner
    qc: QualityGate
    accounts: Accounts
    audit: AuditLog
    review_links: ReviewLinks
    production: ContentProduction
    delivery: PackageBuilder
    campaigns: CampaignBook
    leads: LeadPipeline


def sql_units_of_work(db: Database) -> UnitsOfWork:
    return UnitsOfWork(
        onboarding=sql_onboarding_unit_of_work(db),
        strategy=sql_strategy_unit_of_work(db),
        qc=sql_qc_unit_of_work(db),
        accounts=sql_accounts_unit_of_work(db),
        production=sql_production_unit_of_work(db),
        delivery=sql_delivery_unit_of_work(db),
        cam=sql_cam_unit_of_work(db),
    )


def bootstrap_unit_modules(clock: Clock, units: UnitsOfWork, adapters: UnitAdapters) -> UnitModules:
    return UnitModules(
        onboarding=bootstrap_onboarding(clock, units.onboarding),
        strategy=bootstrap_strategy(clock, units.strategy),
        qc=bootstrap_qc(clock, units.qc),
        accounts=bootstrap_accounts(clock, units.accounts, adapters.passwords),
        audit=bootstrap_audit_log(clock, units.accounts),
        review_links=bootstrap_review_links(clock, units.accounts),
        production=bootstrap_production(clock, units.production, adapters.writer),
        delivery=bootstrap_delivery(clock, units.delivery, adapters.delivery, agency=adapters.agency),
        campaigns=bootstrap_campaigns(clock, units.cam),
        leads=bootstrap_pipeline(clock, units.cam, adapters.lead_rejects),
    )
