"""An operator moves a lead to another stage, or marks it won: a won lead is a signed client."""

from __future__ import annotations

from aicmo.cam.api.dtos import LeadDetail, LeadId, LeadStage
from aicmo.cam.api.events import ClientSigned
from aicmo.cam.internal.cam_repository import CamRepository, CamUnitOfWorkFactory
from aicmo.cam.internal.lead_views import detail_of, existing_lead
from aicmo.cam.internal.models import LeadRow
from aicmo.cam.internal.stages import move_lead
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict


def advance_lead(
    uow: CamUnitOfWorkFactory, clock: Clock, lead_id: LeadId, stage: LeadStage, note: str | None = None
) -> LeadDetail:
    """The move lands on the lead's timeline, with `note`. Raises NotFound, or Conflict for a closed lead."""
    with uow() as unit:
        row = _moved(unit.repository, clock, lead_id, stage, note)
        detail = detail_of(unit.repository, row)
        unit.commit()
    return detail


def mark_won(uow: CamUnitOfWorkFactory, clock: Clock, lead_id: LeadId, note: str | None = None) -> LeadDetail:
    """Move the lead to WON and publish `ClientSigned`, with the company (or the address's domain)
    and the contact, in the same transaction."""
    with uow() as unit:
        row = _moved(unit.repository, clock, lead_id, LeadStage.WON, note)
        unit.publish(signed_client(row))
        detail = detail_of(unit.repository, row)
        unit.commit()
    return detail


def signed_client(row: LeadRow) -> ClientSigned:
    contact = " ".join(part for part in (row.first_name, row.last_name) if part) or None
    return ClientSigned(
        lead_id=LeadId.parse(row.id),
        company=row.company or row.email.split("@")[-1],
        contact_email=row.email,
        contact_name=contact,
    )


def _moved(repository: CamRepository, clock: Clock, lead_id: LeadId, stage: LeadStage, note: str | None) -> LeadRow:
    row = existing_lead(repository, lead_id)
    current = LeadStage(row.stage)
    if current.closed:
        raise Conflict(f"lead {lead_id} is already {current}; a closed lead does not move")
    move_lead(repository, row, stage, at=clock.now(), note=note)
    return row
