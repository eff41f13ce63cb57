"""Archive a brief: the compensation when a later step of the workflow fails."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api.dtos import BriefId
from aicmo.onboarding.internal.brief_repository import OnboardingUnitOfWorkFactory


def archive(uow: OnboardingUnitOfWorkFactory, clock: Clock, brief_id: BriefId) -> None:
    """Idempotent: an archived or unknown brief stays as it is; a new capture makes it active again."""
    with uow() as unit:
        row = unit.repository.brief(brief_id)
        if row is not None and row.status != "archived":
            row.status = "archived"
            row.archived_at = clock.now()
            unit.commit()
