"""Suppress addresses and domains, by hand or by the one-click link in an email."""

from __future__ import annotations

from aicmo.cam.api.dtos import LeadStage, TimelineKind
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.messages import UnsubscribeLinks
from aicmo.cam.internal.stages import move_lead
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import NotFound


def suppress(uow: CamUnitOfWorkFactory, clock: Clock, value: str, reason: str) -> None:
    """An address, or a whole domain (without @), never receives mail again."""
    with uow() as unit:
        unit.repository.suppress(value, reason, clock.now())
        unit.commit()


def unsubscribe(uow: CamUnitOfWorkFactory, clock: Clock, links: UnsubscribeLinks, token: str) -> str:
    """Suppress the link's address and close every open lead of it, in any campaign, as LOST;
    returns the address. Clicking twice changes nothing more."""
    lead_id = links.lead_of(token)
    with uow() as unit:
        lead = unit.repository.lead(lead_id)
        if lead is None:
            raise NotFound("this unsubscribe link names a lead that no longer exists")
        key, address = lead.email_key, lead.email.strip()
    with uow() as unit:
        now = clock.now()
        unit.repository.suppress(key, "unsubscribe link", now)
        for row in unit.repository.leads_of_address(key):
            if not LeadStage(row.stage).closed:
                move_lead(
                    unit.repository,
                    row,
                    LeadStage.LOST,
                    at=now,
                    kind=TimelineKind.UNSUBSCRIBE,
                    note="unsubscribed by the link in an email",
                )
        unit.commit()
    return address
