"""CAM, client acquisition: campaigns, lead import, and the pipeline from a new lead to
a signed client (WON publishes ClientSigned)."""

from aicmo.cam.api.dtos import (
    Campaign,
    CampaignId,
    CycleReport,
    IcpRules,
    ImportSummary,
    Lead,
    LeadDetail,
    LeadEvent,
    LeadId,
    LeadStage,
    MessageVariant,
    NewCampaign,
    SendingMode,
    SequenceStep,
)
from aicmo.cam.api.events import ClientSigned, LeadIngested
from aicmo.cam.api.ports import CampaignBook, LeadPipeline, Outreach

CONTRACT_VERSION = "0.4.0"

__all__ = [
    "CONTRACT_VERSION",
    "Campaign",
    "CampaignBook",
    "CampaignId",
    "CycleReport",
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
    "MessageVariant",
    "NewCampaign",
    "Outreach",
    "SendingMode",
    "SequenceStep",
]
