"""CAM's vocabulary as it crosses module boundaries."""

from __future__ import annotations

from enum import StrEnum


class LeadStage(StrEnum):
    """Where a lead stands in the agency's pipeline, in order."""

    NEW = "NEW"
    CONTACTED = "CONTACTED"
    REPLIED = "REPLIED"
    QUALIFIED = "QUALIFIED"
    MEETING = "MEETING"
    WON = "WON"
    LOST = "LOST"
