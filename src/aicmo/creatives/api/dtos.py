"""What a writer is given and what it returns. Creatives sits below the business modules,
so it has its own view of the brief (`BriefFacts`) rather than importing onboarding's: the
same typed facts, each with its form, so a writer places a fact only where its form fits."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class FactForm(StrEnum):
    NAME = "name"
    PHRASE = "phrase"
    ACTION = "action"
    PREDICATE = "predicate"
    SENTENCE = "sentence"
    QUOTE = "quote"
    NUMBER = "number"
    TIMESPAN = "timespan"


class Fact(_Frozen):
    """One fact of the brief: normalised text and its form ("phrase", "sentence", "quote"…)."""

    text: str
    form: FactForm = FactForm.PHRASE
    plural: bool = False
    person: int = 3
    number: float | None = None
    unit: str | None = None
    banned: bool = False
    """It holds a banned word: a writer builds nothing on it."""


class OfferFact(_Frozen):
    name: Fact
    usp: Fact | None = None
    price: Fact | None = None


class BriefFacts(_Frozen):
    """The facts copy is written from, taken from a brief and its strategy."""

    brand: Fact
    industry: Fact
    product: Fact
    audience: Fact
    audience_core: Fact
    objective: str = "awareness"
    b2b: bool = False
    market: str = "b2c"
    """Who buys and how: "b2b" (ask for a demo or a call), "local" (a visit, a booking) or "b2c" (an order, a trial)."""
    care: bool = False
    """The business looks after people in person (a clinic, a studio, a salon): only its copy speaks of a first
    visit, nerves and who they will see."""
    website: str | None = None
    locations: list[Fact] = []
    geography: str | None = None
    """Where the client sells, as the brief says (`constraints.geography`): what ads target,
    before the places the brand is based in."""
    offers: list[OfferFact] = []
    current_offer: Fact | None = None
    proof: list[Fact] = []
    pain_points: list[Fact] = []
    desired_outcomes: list[Fact] = []
    objections: list[Fact] = []
    competitors: list[Fact] = []
    tone: list[str] = []
    banned_words: list[str] = []
    disclaimers: list[str] = []
    big_idea: str = ""


class SectionSpec(_Frozen):
    """One piece of copy to write: its kind, platform, role and place in the pack."""

    kind: str
    platform: str | None = None
    index: int = 0
    role: str | None = None
    """What the item does in the plan (problem, how_to, proof, offer, objection, story, local); None: by index."""
    variant: int = 0
    """Another wording of the same section, asked for when the first one repeats another item."""
    link: str | None = None
    """The tagged link the copy carries; None where the platform takes no links (Instagram: link in bio)."""
    hashtags: int = 0
    avoid: list[str] = []
    """Sentences the pack already uses as often as it may (and those of every hook so far): write others."""
    max_chars: int | None = None
    needs_disclaimer: bool = False
    revision_notes: list[str] = []
    request_key: str | None = None
    """The workflow step asking (`run:step:round`): model calls are charged to it and a
    resumed step gets the answers it already paid for."""
    round: int = 0
    """0 for the first draft; 1, 2… for rewrites driven by QC findings or an operator's comment."""


class WrittenSection(_Frozen):
    """The copy, field by field (hook, body, cta, hashtags, subject…), as a section model dumps it, and who wrote it."""

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
