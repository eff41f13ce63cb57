"""Create campaigns, read them, and pause or resume their sending."""

from __future__ import annotations

import uuid

from aicmo.cam.api.dtos import Campaign, CampaignId, IcpRules, NewCampaign, SendingMode
from aicmo.cam.internal.cam_repository import CamRepository, CamUnitOfWorkFactory
from aicmo.cam.internal.models import CampaignRow
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound


def create_campaign(uow: CamUnitOfWorkFactory, clock: Clock, campaign: NewCampaign) -> Campaign:
    row = CampaignRow(
        id=CampaignId.new(),
        name=campaign.name,
        icp=campaign.icp.model_dump(mode="json"),
        daily_cap=campaign.daily_cap,
        window_start=campaign.window_start,
        window_end=campaign.window_end,
        timezone=campaign.timezone,
        mode=campaign.mode,
        reply_timeout_days=campaign.reply_timeout_days,
        paused=False,
        created_at=clock.now(),
    )
    with uow() as unit:
        if unit.repository.campaign_named(campaign.name) is not None:
            raise Conflict(f"a campaign named {campaign.name!r} exists already — pick another name")
        unit.repository.add_campaign(row)
        unit.commit()
    return campaign_of(row)


def list_campaigns(uow: CamUnitOfWorkFactory) -> list[Campaign]:
    with uow() as unit:
        return [campaign_of(row) for row in unit.repository.campaigns()]


def get_campaign(uow: CamUnitOfWorkFactory, name: str) -> Campaign:
    with uow() as unit:
        return campaign_of(named(unit.repository, name))


def set_paused(uow: CamUnitOfWorkFactory, name: str | None, paused: bool) -> list[Campaign]:
    """Pause or resume one campaign, or every campaign when `name` is None (the global switch)."""
    with uow() as unit:
        rows = [named(unit.repository, name)] if name else unit.repository.campaigns()
        for row in rows:
            row.paused = paused
        unit.commit()
        return [campaign_of(row) for row in rows]


def named(repository: CamRepository, name: str) -> CampaignRow:
    """Raises NotFound saying how to create the campaign, unless the name is an id: no campaign
    should be named after one."""
    row = repository.campaign_named(name)
    if row is None and _is_uuid(name):
        raise NotFound(f"no campaign is named {name!r}: name a campaign as `aicmo cam campaigns` lists it")
    if row is None:
        raise NotFound(
            f"no campaign {name!r}: create it with `aicmo cam campaign create {name!r}`"
            " or list them with `aicmo cam campaigns`"
        )
    return row


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def campaign_of(row: CampaignRow) -> Campaign:
    return Campaign(
        campaign_id=CampaignId.parse(row.id),
        name=row.name,
        icp=IcpRules.model_validate(row.icp),
        daily_cap=row.daily_cap,
        window_start=row.window_start,
        window_end=row.window_end,
        timezone=row.timezone,
        mode=SendingMode(row.mode),
        reply_timeout_days=row.reply_timeout_days,
        paused=row.paused,
        created_at=row.created_at,
    )
