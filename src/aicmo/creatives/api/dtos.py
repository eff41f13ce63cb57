"""What a writer is given and what it returns. Creatives sits below the business modules,
so it has its own view of the brief (`BriefFacts`) rather than importing onboarding's."""

from __future__ import annotations

import datetime as dt

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
    request_key: str | None = None
    """The workflow step asking (`run:step:round`): model calls are charged to it and a
    resumed step gets the answers it already paid for."""
    round: int = 0
    """0 for the first draft; 1, 2… for rewrites driven by QC findings or an operator's comment."""


class WrittenSection(_Frozen):
    """The copy, field by field (hook, body, cta, hashtags, subject…), and who wrote it."""

    fields: dict[str, str]
    writer: str = "template"
    prompt_version: str | None = None
    fallback_reason: str | None = None
    """Why the template writer wrote this section in the model's place, when it did."""


class ModelCall(_Frozen):
    """One request to a model, as the ledger recorded it."""

    run: str | None
    step: str | None
    item: str
    round: int
    client: str
    provider: str
    model: str
    prompt_version: str
    input_tokens: int
    """Tokens read at full price: cache reads and writes are counted apart."""
    output_tokens: int
    cache_read_tokens: int
    cache_write_tokens: int
    latency_ms: int
    retries: int
    outcome: str
    cost_usd: float
    at: dt.datetime


class CostLine(_Frozen):
    """Spending summed for one client and model."""

    client: str
    provider: str
    model: str
    calls: int
    input_tokens: int
    output_tokens: int
    cache_read_tokens: int
    cache_write_tokens: int
    cost_usd: float
