"""CAM, client acquisition: campaigns, leads, scoring, outreach with safety caps, replies,
and the pipeline from a new lead to a signed client."""

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.api.events import ClientSigned

CONTRACT_VERSION = "0.1.0"

__all__ = ["CONTRACT_VERSION", "ClientSigned", "LeadStage"]
