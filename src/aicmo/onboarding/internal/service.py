"""Onboarding's use cases behind the BriefIntake port."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api.dtos import Brief, BriefId, BriefRecord, BriefVersionId, Intake
from aicmo.onboarding.internal.brief_repository import OnboardingUnitOfWorkFactory
from aicmo.onboarding.internal.use_cases import archive, capture, open_intake, read_briefs


class OnboardingService:
    def __init__(self, uow: OnboardingUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def capture(self, brief: Brief, source: str, *, key: str | None = None) -> BriefRecord:
        return capture.capture(self._uow, self._clock, brief, source, key)

    def open_intake(
        self, client_name: str, *, contact_email: str | None, contact_name: str | None, origin: str, key: str
    ) -> Intake:
        return open_intake.open_intake(
            self._uow,
            self._clock,
            client_name,
            contact_email=contact_email,
            contact_name=contact_name,
            origin=origin,
            key=key,
        )

    def intakes(self, limit: int = 100) -> list[Intake]:
        return read_briefs.intakes(self._uow, limit)

    def get_version(self, version_id: BriefVersionId) -> BriefRecord:
        return read_briefs.get_version(self._uow, version_id)

    def archive(self, brief_id: BriefId) -> None:
        archive.archive(self._uow, self._clock, brief_id)
