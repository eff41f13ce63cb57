"""Creatives: writers that turn a section spec and the brief's facts into structured copy.
The template writer is the offline, deterministic default; the openai and anthropic
writers ask a model, charging every call to the ledger."""

from aicmo.creatives.api.dtos import BriefFacts, CostLine, ModelCall, OfferFact, SectionSpec, WrittenSection
from aicmo.creatives.api.ports import ModelCatalog, ModelUsage, Writer

CONTRACT_VERSION = "0.5.0"

__all__ = ["CONTRACT_VERSION", "BriefFacts", "CostLine", "ModelCall", "ModelCatalog", "ModelUsage", "OfferFact", "SectionSpec", "Writer", "WrittenSection"]
