"""Set a campaign's sequence: its steps replace the ones it had."""

from __future__ import annotations

import uuid

from aicmo.cam.api.dtos import SequenceStep
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.models import SequenceStepRow
from aicmo.cam.internal.personalisation import unknown_tokens
from aicmo.cam.internal.use_cases.campaigns import named
from aicmo.kernel.errors import InvalidInput, Problem


def set_sequence(uow: CamUnitOfWorkFactory, campaign: str, steps: list[SequenceStep]) -> list[SequenceStep]:
    """Refuses a sequence with a token no lead has, naming each one and where it is."""
    problems = [
        Problem(
            f"steps[{i}].variants[{j}]",
            f"unknown token {{{{{token}}}}}: use first_name, last_name, company, title, location, industry or website",
        )
        for i, step in enumerate(steps)
        for j, variant in enumerate(step.variants)
        for token in unknown_tokens(variant.subject + variant.body)
    ]
    if problems:
        raise InvalidInput("the sequence uses tokens no lead has", problems)
    with uow() as unit:
        row = named(unit.repository, campaign)
        unit.repository.replace_steps(
            row.id,
            [
                SequenceStepRow(
                    id=uuid.uuid4(),
                    campaign_id=row.id,
                    position=n,
                    delay_days=s.delay_days,
                    variants=[v.model_dump() for v in s.variants],
                )
                for n, s in enumerate(steps, start=1)
            ],
        )
        unit.commit()
    return steps
