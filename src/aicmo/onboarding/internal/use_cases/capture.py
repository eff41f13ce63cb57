"""Capture a brief: the next version of its client's brief, opening the intake for a new client."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api.dtos import Brief, BriefId, BriefRecord, BriefVersionId, IntakeId
from aicmo.onboarding.api.events import BriefValidated, IntakeCaptured
from aicmo.onboarding.internal.brief_repository import OnboardingUnitOfWorkFactory
from aicmo.onboarding.internal.models import BriefRow, BriefVersionRow, IntakeRow
from aicmo.onboarding.internal.records import brief_checksum, client_key, record


def capture(uow: OnboardingUnitOfWorkFactory, clock: Clock, brief: Brief, source: str, key: str | None) -> BriefRecord:
    """Captures of one client take turns: each sees whether its brief exists yet and the highest version.

    A second call with the same `key` (a workflow step run again) returns the first version.
    """
    now = clock.now()
    with uow() as unit:
        unit.take_turn(f"onboarding-brief:{client_key(brief.client_name)}")
        briefs = unit.repository
        earlier = briefs.version_for_key(key) if key is not None else None
        if earlier is not None:
            return record(briefs.brief_of(earlier), earlier)
        brief_row = briefs.brief_for_client(client_key(brief.client_name))
        if brief_row is None:
            intake = IntakeRow(id=IntakeId.new(), client_name=brief.client_name, source=source, created_at=now)
            briefs.add_intake(intake)
            brief_row = BriefRow(
                id=BriefId.new(),
                intake_id=intake.id,
                client_key=client_key(brief.client_name),
                client_name=brief.client_name,
                status="active",
                created_at=now,
            )
            briefs.add_brief(brief_row)
            unit.publish(IntakeCaptured(intake_id=intake.id, client_name=brief.client_name, source=source))
        brief_row.status = "active"
        brief_row.archived_at = None
        version = BriefVersionRow(
            id=BriefVersionId.new(),
            brief_id=brief_row.id,
            version=briefs.latest_version_number(brief_row.id) + 1,
            body=brief.model_dump(mode="json"),
            checksum=brief_checksum(brief),
            source=source,
            capture_key=key,
            created_at=now,
        )
        briefs.add_version(version)
        unit.publish(
            BriefValidated(
                brief_id=brief_row.id, version_id=version.id, version=version.version, client_name=brief.client_name
            )
        )
        unit.commit()
        return record(brief_row, version)
