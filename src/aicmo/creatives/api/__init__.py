"""Creatives: writers that turn a section spec and the brief's facts into structured copy.
The template writer is the offline, deterministic default."""

from aicmo.creatives.api.dtos import BriefFacts, OfferFact, SectionSpec, WrittenSection
from aicmo.creatives.api.ports import Writer

CONTRACT_VERSION = "0.2.0"

__all__ = ["CONTRACT_VERSION", "BriefFacts", "OfferFact", "SectionSpec", "Writer", "WrittenSection"]
