"""A worker's claims on due steps, and what became of each once it was sent."""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass

from aicmo.cam.internal.models import LeadRow


@dataclass(frozen=True)
class Step:
    """A sequence step as the cycle reads it at its start."""

    position: int
    delay_days: int
    variants: list[dict]


@dataclass(frozen=True)
class Claim:
    send_id: uuid.UUID
    lead: LeadRow
    position: int
    variant: dict


@dataclass(frozen=True)
class Sent:
    claim: Claim
    subject: str
    message_id: str | None
    status: str
    error: str | None


@dataclass
class Batch:
    claims: list[Claim]
    skipped: Counter[str]
    more: bool


def pick_variant(step: Step, lead_id: uuid.UUID) -> dict:
    """A stable A/B split: the same lead always gets the same variant of a step."""
    return step.variants[int(hashlib.sha256(str(lead_id).encode()).hexdigest(), 16) % len(step.variants)]
