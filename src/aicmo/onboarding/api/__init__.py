"""Onboarding: takes a client's brief in (YAML, JSON or the web form), validates it with
an error for every faulty field, and keeps each version."""

from aicmo.onboarding.api.branding import BrandColors, BrandFont, BrandLogo
from aicmo.onboarding.api.dtos import (
    Audience,
    Brand,
    Brief,
    BriefId,
    BriefLimits,
    BriefRecord,
    BriefVersionId,
    Constraints,
    Deliverable,
    ExampleBrief,
    Goal,
    Intake,
    IntakeId,
    Objective,
    Offer,
    OfferItem,
    OutputFormat,
    Plan,
    Platform,
    Voice,
)
from aicmo.onboarding.api.facts import BriefFacts, BriefGap, Fact, FactForm, Market, OfferFacts
from aicmo.onboarding.api.events import BriefValidated, IntakeCaptured
from aicmo.onboarding.api.ports import BriefFiles, BriefIntake, BriefParser

CONTRACT_VERSION = "2.2.0"

__all__ = [
    "CONTRACT_VERSION",
    "Audience",
    "Brand",
    "BrandColors",
    "BrandFont",
    "BrandLogo",
    "Brief",
    "BriefFiles",
    "BriefFacts",
    "BriefGap",
    "BriefId",
    "BriefLimits",
    "BriefIntake",
    "BriefParser",
    "BriefRecord",
    "BriefValidated",
    "BriefVersionId",
    "Constraints",
    "Deliverable",
    "ExampleBrief",
    "Fact",
    "FactForm",
    "Goal",
    "Intake",
    "IntakeCaptured",
    "IntakeId",
    "Market",
    "Objective",
    "Offer",
    "OfferFacts",
    "OfferItem",
    "OutputFormat",
    "Plan",
    "Platform",
    "Voice",
]
