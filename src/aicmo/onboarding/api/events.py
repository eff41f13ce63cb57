"""Events onboarding publishes."""

from __future__ import annotations

from aicmo.kernel.events import DomainEvent
from aicmo.onboarding.api.dtos import BriefId, BriefVersionId, IntakeId


class IntakeCaptured(DomainEvent):
    intake_id: IntakeId
    client_name: str
    source: str


class BriefValidated(DomainEvent):
    brief_id: BriefId
    version_id: BriefVersionId
    version: int
    client_name: str
