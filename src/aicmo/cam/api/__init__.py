"""CAM, client acquisition: campaigns, lead import, and the pipeline from a new lead to
a signed client (WON publishes ClientSigned)."""

from aicmo.cam.api.dtos import (
    Campaign,
    CampaignId,
    IcpRules,
    ImportSummary,
    Lead,
    LeadDetail,
    LeadEvent,
    LeadId,
    LeadStage,
    NewCampaign,
    SendingMode,
)
from aicmo.cam.api.events import ClientSigned, LeadIngested
from aicmo.cam.api.ports import CampaignBook, LeadPipeline

CONTRACT_VERSION = "0.3.0"

__all__ = [
    "CONTRACT_VERSION",
    "Campaign",
    "CampaignBook",
    "CampaignId",
    "ClientSigned",
    "IcpRules",
    "ImportSummary",
    "Lead",
    "LeadDetail",
    "LeadEvent",
    "LeadId",
    "LeadIngested",
    "LeadPipeline",
    "LeadStage",
    "NewCampaign",
    "SendingMode",
]
