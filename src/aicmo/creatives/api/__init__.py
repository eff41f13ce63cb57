"""Creatives: writers that turn a section spec and the brief's typed facts into structured copy.
The template writer is the offline, deterministic default."""

from aicmo.creatives.api.dtos import BriefFacts, Fact, FactForm, OfferFact, SectionSpec, WrittenSection
from aicmo.creatives.api.ports import Writer
from aicmo.creatives.api.sections import (
    AdCopy,
    BlogOutlineCopy,
    CalendarEntryCopy,
    EmailCopy,
    LandingPageCopy,
    OutlineSection,
    PostCopy,
)

CONTRACT_VERSION = "1.0.0"

__all__ = [
    "CONTRACT_VERSION",
    "AdCopy",
    "BlogOutlineCopy",
    "BriefFacts",
    "CalendarEntryCopy",
    "EmailCopy",
    "Fact",
    "FactForm",
    "LandingPageCopy",
    "OfferFact",
    "OutlineSection",
    "PostCopy",
    "SectionSpec",
    "Writer",
    "WrittenSection",
]
