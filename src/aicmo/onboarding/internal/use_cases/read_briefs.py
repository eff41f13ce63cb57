"""Read intakes and stored brief versions."""

from __future__ import annotations

from aicmo.kernel.errors import NotFound
from aicmo.onboarding.api.dtos import BriefRecord, BriefVersionId, Intake
from aicmo.onboarding.internal.brief_repository import OnboardingUnitOfWorkFactory
from aicmo.onboarding.internal.records import intake, record


def intakes(uow: OnboardingUnitOfWorkFactory, limit: int) -> list[Intake]:
    """Newest first, each saying whether its client has a brief."""
    with uow() as unit:
        briefed = unit.repository.briefed_intake_ids()
        return [intake(row, has_brief=row.id in briefed) for row in unit.repository.intakes(limit)]


def get_version(uow: OnboardingUnitOfWorkFactory, version_id: BriefVersionId) -> BriefRecord:
    with uow() as unit:
        version = unit.repository.version(version_id)
        if version is None:
            raise NotFound(f"no brief version {version_id}")
        return record(unit.repository.brief_of(version), version)
