"""CAM, client acquisition: campaigns, lead import, and the pipeline from a new lead to
a signed client (WON publishes ClientSigned)."""

from aicmo.cam.api.dtos import (
    Campaign,
    CampaignId,
    CycleReport,
    IcpRules,
    ImportSummary,
    IngestReport,
    Lead,
    LeadDetail,
    LeadEvent,
    LeadId,
    LeadStage,
    MessageVariant,
    NewCampaign,
    Reply,
    ReplyClass,
    SendingMode,
    SequenceStep,
    SkipReason,
    TimelineKind,
    WorkerId,
    WorkerStatus,
)
from aicmo.cam.api.events import ClientSigned, LeadIngested
from aicmo.cam.api.ports import CampaignBook, LeadPipeline, Outreach, OutreachWorker, ReplyClassifier, ReplyInbox

CONTRACT_VERSION = "2.0.0"

__all__ = [
    "CONTRACT_VERSION",
    "Campaign",
    "CampaignBook",
    "CampaignId",
    "CycleReport",
    "ClientSigned",
    "IcpRules",
    "ImportSummary",
    "IngestReport",
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
    "OutreachWorker",
    "Reply",
    "ReplyClass",
    "ReplyClassifier",
    "ReplyInbox",
    "SendingMode",
    "SequenceStep",
    "SkipReason",
    "TimelineKind",
    "WorkerId",
    "WorkerStatus",
]
