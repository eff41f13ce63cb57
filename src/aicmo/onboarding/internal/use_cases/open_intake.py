"""Open an intake for a client who has no brief yet (a won deal); the same key opens it once."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api.dtos import Intake, IntakeId
from aicmo.onboarding.api.events import IntakeCaptured
from aicmo.onboarding.internal.brief_repository import OnboardingUnitOfWorkFactory
from aicmo.onboarding.internal.models import IntakeRow
from aicmo.onboarding.internal.records import intake


def open_intake(
    uow: OnboardingUnitOfWorkFactory,
    clock: Clock,
    client_name: str,
    *,
    contact_email: str | None,
    contact_name: str | None,
    origin: str,
    key: str,
) -> Intake:
    with uow() as unit:
        row = unit.repository.intake_for_origin(key)
        if row is None:
            row = IntakeRow(
                id=IntakeId.new(),
                client_name=client_name,
                source=origin,
                contact_email=contact_email,
                contact_name=contact_name,
                origin_key=key,
                created_at=clock.now(),
            )
            unit.repository.add_intake(row)
            unit.publish(IntakeCaptured(intake_id=row.id, client_name=client_name, source=origin))
            unit.commit()
        return intake(row, has_brief=False)
