"""What a cycle goes through: every campaign, by name, with its sequence as it stands when the cycle begins."""

from __future__ import annotations

from aicmo.cam.api.dtos import Campaign
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.claims import Step
from aicmo.cam.internal.use_cases.campaigns import campaign_of


def campaigns_to_send(uow: CamUnitOfWorkFactory) -> list[tuple[Campaign, list[Step]]]:
    with uow() as unit:
        return [
            (
                campaign_of(row),
                [Step(step.position, step.delay_days, step.variants) for step in unit.repository.steps(row.id)],
            )
            for row in unit.repository.campaigns()
        ]
