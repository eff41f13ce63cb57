"""Onboarding: takes a client's brief in (YAML, JSON or the web form), validates it with
an error for every faulty field, and keeps each version."""

from aicmo.onboarding.api.dtos import (
    Audience,
    Brand,
    Brief,
    BriefId,
    BriefRecord,
    BriefVersionId,
    Constraints,
    Deliverable,
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
from aicmo.onboarding.api.facts import BriefFacts, Fact, FactForm, OfferFacts
from aicmo.onboarding.api.events import BriefValidated, IntakeCaptured
from aicmo.onboarding.api.ports import BriefIntake, BriefParser

CONTRACT_VERSION = "1.1.0"

__all__ = [
    "CONTRACT_VERSION",
    "Audience",
    "Brand",
    "Brief",
    "BriefFacts",
    "BriefId",
    "BriefIntake",
    "BriefParser",
    "BriefRecord",
    "BriefValidated",
    "BriefVersionId",
    "Constraints",
    "Deliverable",
    "Fact",
    "FactForm",
    "Goal",
    "Intake",
    "IntakeCaptured",
    "IntakeId",
    "Objective",
    "Offer",
    "OfferFacts",
    "OfferItem",
    "OutputFormat",
    "Plan",
    "Platform",
    "Voice",
]
