"""Read a campaign's sequence: what each lead of it will be sent, step by step."""

from __future__ import annotations

from aicmo.cam.api.dtos import SequenceStep
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.use_cases.campaigns import named


def read_sequence(uow: CamUnitOfWorkFactory, campaign: str) -> list[SequenceStep]:
    with uow() as unit:
        row = named(unit.repository, campaign)
        return [
            SequenceStep(delay_days=step.delay_days, variants=step.variants) for step in unit.repository.steps(row.id)
        ]
