"""Onboarding's storage as its use cases see it: intakes, briefs and their versions."""

from __future__ import annotations

import uuid
from typing import Protocol

from aicmo.onboarding.internal.models import BriefRow, BriefVersionRow, IntakeRow
from aicmo.platform.db.unit_of_work import UnitOfWork, UnitOfWorkFactory


class BriefRepository(Protocol):
    def add_intake(self, intake: IntakeRow) -> None: ...

    def intake_for_origin(self, origin_key: str) -> IntakeRow | None:
        """The intake an earlier call with this origin key opened."""
        ...

    def intakes(self, limit: int) -> list[IntakeRow]:
        """Newest first."""
        ...

    def briefed_intake_ids(self) -> set[uuid.UUID]:
        """The intakes that have a brief."""
        ...

    def add_brief(self, brief: BriefRow) -> None: ...

    def brief(self, brief_id: uuid.UUID) -> BriefRow | None: ...

    def brief_for_client(self, client_key: str) -> BriefRow | None: ...

    def brief_of(self, version: BriefVersionRow) -> BriefRow:
        """The brief a stored version belongs to (it always has one)."""
        ...

    def add_version(self, version: BriefVersionRow) -> None: ...

    def version(self, version_id: uuid.UUID) -> BriefVersionRow | None: ...

    def version_for_key(self, capture_key: str) -> BriefVersionRow | None:
        """The version an earlier capture with this key stored."""
        ...

    def latest_version_number(self, brief_id: uuid.UUID) -> int:
        """0 for a brief without versions."""
        ...


OnboardingUnitOfWork = UnitOfWork[BriefRepository]
OnboardingUnitOfWorkFactory = UnitOfWorkFactory[BriefRepository]
