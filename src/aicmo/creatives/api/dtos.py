"""What a writer is given and what it returns. Creatives sits below the business modules,
so it has its own view of the brief (`BriefFacts`) rather than importing onboarding's."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class OfferFact(_Frozen):
    name: str
    usp: str | None = None
    price: str | None = None


class BriefFacts(_Frozen):
    """The facts copy is written from, taken from a brief and its strategy."""

    brand: str
    industry: str
    product: str
    website: str | None = None
    locations: list[str] = []
    offers: list[OfferFact] = []
    current_offer: str | None = None
    proof: list[str] = []
    audience: str
    pain_points: list[str] = []
    desired_outcomes: list[str] = []
    objections: list[str] = []
    tone: list[str] = []
    adjectives: list[str] = []
    banned_words: list[str] = []
    disclaimers: list[str] = []
    competitors: list[str] = []
    big_idea: str = ""


class SectionSpec(_Frozen):
    """One piece of copy to write: its kind, platform and place in the pack."""

    kind: str
    platform: str | None = None
    index: int = 0
    variant: int = 0
    """Another wording of the same section, asked for when the first one repeats another item."""
    max_chars: int | None = None
    needs_disclaimer: bool = False
    revision_notes: list[str] = []


class WrittenSection(_Frozen):
    """The copy, field by field (hook, body, cta, hashtags, subject…)."""

    fields: dict[str, str]
