"""Show one lead with its timeline, find a lead by the first characters of its id, and name leads that way."""

from __future__ import annotations

from aicmo.cam.api.dtos import LeadDetail, LeadId
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.lead_views import detail_of, existing_lead
from aicmo.platform.db.short_ids import resolve_among, shortest_among


def lead_detail(uow: CamUnitOfWorkFactory, lead_id: LeadId) -> LeadDetail:
    """Raises NotFound."""
    with uow() as unit:
        return detail_of(unit.repository, existing_lead(unit.repository, lead_id))


def resolve_lead(uow: CamUnitOfWorkFactory, typed: str) -> LeadId:
    """The lead whose id starts with `typed`, as git takes a commit's prefix (see `resolve_among`)."""
    with uow() as unit:
        keys = unit.repository.lead_keys()
        return LeadId.parse(resolve_among(keys, typed, what="lead", listed_by="`aicmo cam leads`"))


def short_lead_ids(uow: CamUnitOfWorkFactory, lead_ids: list[LeadId]) -> dict[LeadId, str]:
    with uow() as unit:
        keys = unit.repository.lead_keys()
        return {LeadId.parse(key): short for key, short in shortest_among(keys, lead_ids).items()}
