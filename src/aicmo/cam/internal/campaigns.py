"""The CampaignBook port: campaigns and the pause switches."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import Campaign, CampaignId, IcpRules, NewCampaign, SendingMode
from aicmo.cam.internal.models import OWNER, CampaignRow
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.platform.db import Database


class Campaigns:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create(self, campaign: NewCampaign) -> Campaign:
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
            created_at=self._clock.now(),
        )
        try:
            with self._db.session_for(OWNER) as session:
                session.add(row)
        except IntegrityError:
            raise Conflict(f"a campaign named {campaign.name!r} exists already — pick another name") from None
        return _campaign(row)

    def campaigns(self) -> list[Campaign]:
        with self._db.session_for(OWNER) as session:
            return [_campaign(row) for row in session.scalars(select(CampaignRow).order_by(CampaignRow.name))]

    def get(self, name: str) -> Campaign:
        with self._db.session_for(OWNER) as session:
            return _campaign(self.row(session, name))

    @staticmethod
    def row(session: Session, name: str) -> CampaignRow:
        row = session.scalar(select(CampaignRow).where(CampaignRow.name == name))
        if row is None:
            raise NotFound(f"no campaign {name!r}: create it with `aicmo cam campaign create {name!r}` or list them with `aicmo cam campaigns`")
        return row

    def set_paused(self, name: str | None, paused: bool) -> list[Campaign]:
        with self._db.session_for(OWNER) as session:
            rows = [self.row(session, name)] if name else list(session.scalars(select(CampaignRow)))
            for row in rows:
                row.paused = paused
            return [_campaign(row) for row in rows]


def _campaign(row: CampaignRow) -> Campaign:
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
