"""Creatives: writers that turn a section spec and the brief's typed facts into structured copy.
The template writer is the offline, deterministic default; the openai and anthropic
writers ask a model, charging every call to the ledger."""

from aicmo.creatives.api.dtos import (
    BriefFacts,
    CostLine,
    Fact,
    FactForm,
    ModelCall,
    OfferFact,
    SectionSpec,
    WrittenSection,
)
from aicmo.creatives.api.ports import ModelCatalog, ModelUsage, Writer
from aicmo.creatives.api.sections import (
    AdCopy,
    BlogOutlineCopy,
    CalendarEntryCopy,
    EmailCopy,
    LandingPageCopy,
    OutlineSection,
    PostCopy,
)

CONTRACT_VERSION = "2.0.0"

__all__ = [
    "CONTRACT_VERSION",
    "AdCopy",
    "BlogOutlineCopy",
    "BriefFacts",
    "CalendarEntryCopy",
    "CostLine",
    "EmailCopy",
    "Fact",
    "FactForm",
    "LandingPageCopy",
    "ModelCall",
    "ModelCatalog",
    "ModelUsage",
    "OfferFact",
    "OutlineSection",
    "PostCopy",
    "SectionSpec",
    "Writer",
    "WrittenSection",
]
