"""Events CAM publishes."""

from __future__ import annotations

from aicmo.cam.api.dtos import CampaignId, LeadId
from aicmo.kernel.events import DomainEvent


class LeadIngested(DomainEvent):
    campaign_id: CampaignId
    accepted: int


class ClientSigned(DomainEvent):
    """A won deal: onboarding opens an intake for the new client when it hears this."""

    lead_id: LeadId
    company: str
    contact_email: str
    contact_name: str | None = None
