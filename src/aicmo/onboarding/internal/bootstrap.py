"""Onboarding wires itself: the composition root calls this and gets the port implementation."""

from __future__ import annotations

from pathlib import Path

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api.ports import BriefIntake, BriefParser
from aicmo.onboarding.internal.brief_reader import BriefReader
from aicmo.onboarding.internal.models import OnboardingBase
from aicmo.onboarding.internal.service import OnboardingService
from aicmo.platform.db import Database

METADATA = OnboardingBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


def bootstrap_onboarding(db: Database, clock: Clock) -> BriefIntake:
    return OnboardingService(db, clock)


def bootstrap_brief_parser() -> BriefParser:
    return BriefReader()
