"""Onboarding wires itself: the composition root calls this and gets the port implementation."""

from __future__ import annotations

from pathlib import Path

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api.ports import BriefIntake, BriefParser
from aicmo.onboarding.internal.brief_reader import BriefReader
from aicmo.onboarding.internal.brief_repository import OnboardingUnitOfWorkFactory
from aicmo.onboarding.internal.models import OnboardingBase
from aicmo.onboarding.internal.service import OnboardingService
from aicmo.onboarding.internal.sql_brief_repository import sql_onboarding_unit_of_work

METADATA = OnboardingBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"

__all__ = ["METADATA", "MIGRATIONS", "bootstrap_brief_parser", "bootstrap_onboarding", "sql_onboarding_unit_of_work"]


def bootstrap_onboarding(clock: Clock, uow: OnboardingUnitOfWorkFactory) -> BriefIntake:
    """Onboarding on the units of work `uow` opens: `sql_onboarding_unit_of_work(db)`, or a fake in tests."""
    return OnboardingService(uow, clock)


def bootstrap_brief_parser() -> BriefParser:
    return BriefReader()
