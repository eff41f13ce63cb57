"""Events CAM publishes."""

from __future__ import annotations

import uuid

from aicmo.kernel.events import DomainEvent


class ClientSigned(DomainEvent):
    """A won deal: onboarding opens an intake for the new client when it hears this."""

    lead_id: uuid.UUID
    company: str
    contact_email: str
