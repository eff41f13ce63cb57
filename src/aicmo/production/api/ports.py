"""What other modules may ask of production."""

from __future__ import annotations

from typing import Protocol

from aicmo.onboarding.api import BriefRecord
from aicmo.production.api.dtos import ContentPack, PackId
from aicmo.strategy.api import Strategy


class ContentProduction(Protocol):
    """Makes the content pack that a brief's generation plan asks for."""

    def generate_pack(self, brief: BriefRecord, strategy: Strategy) -> ContentPack:
        """Write every deliverable of `brief.brief.plan` from the brief and strategy, and store it."""
        ...

    def get_pack(self, pack_id: PackId) -> ContentPack:
        """One stored pack; raises NotFound when there is none."""
        ...

    def discard(self, pack_id: PackId) -> None:
        """Compensation: mark the pack discarded. Idempotent."""
        ...
