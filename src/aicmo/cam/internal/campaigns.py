"""The CampaignBook port: campaigns and the pause switches, as use cases on CAM's unit of work."""

from __future__ import annotations

from aicmo.cam.api.dtos import Campaign, NewCampaign
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.use_cases import campaigns
from aicmo.kernel.clock import Clock


class Campaigns:
    def __init__(self, uow: CamUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def create(self, campaign: NewCampaign) -> Campaign:
        return campaigns.create_campaign(self._uow, self._clock, campaign)

    def campaigns(self) -> list[Campaign]:
        return campaigns.list_campaigns(self._uow)

    def get(self, name: str) -> Campaign:
        return campaigns.get_campaign(self._uow, name)

    def set_paused(self, name: str | None, paused: bool) -> list[Campaign]:
        return campaigns.set_paused(self._uow, name, paused)
