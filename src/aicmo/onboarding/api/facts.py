"""The brief's facts, typed at intake: what form each one takes, so copy can place it where it fits."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class FactForm(StrEnum):
    NAME = "name"
    """A proper name: a brand, an offer, an award ("Roaster of the Year, Portland Coffee Guild 2025")."""
    PHRASE = "phrase"
    """A noun phrase: "café-quality coffee at home", "back pain from sitting all day"."""
    ACTION = "action"
    """A verb phrase in the base form: "discover new origins without guesswork"."""
    PREDICATE = "predicate"
    """A verb phrase that follows its subject: "reconciles bank and ledger entries overnight"."""
    SENTENCE = "sentence"
    """A full clause: "Month-end close takes two weeks of spreadsheet work"."""
    QUOTE = "quote"
    """Words a customer says: "I can't taste the difference"."""
    NUMBER = "number"
    """A number with its unit leading the fact: "4.9 stars from 1,200 subscriber reviews"."""
    TIMESPAN = "timespan"
    """A stretch of time: "in 8 weeks", "per month"."""


class Fact(BaseModel):
    """One fact of the brief, normalised: no surrounding quotes, no trailing punctuation."""

    model_config = ConfigDict(frozen=True)

    text: str
    form: FactForm
    plural: bool = False
    person: int = 3
    """1 when it speaks as "I"/"we", 2 as "you", else 3."""
    number: float | None = None
    unit: str | None = None
    banned: bool = False
    """It holds a banned word: shown only as a quoted name, never built on."""


class Market(StrEnum):
    """Who buys and how, which decides what a call to action may ask."""

    B2B = "b2b"
    """A business buys: ask for a demo, a call or an audit."""
    LOCAL = "local"
    """People visit or book a place near them: ask for a visit or a booking."""
    B2C = "b2c"
    """People buy online: ask for an order or a trial."""


class BriefGap(BaseModel):
    """Advice for a brief that leaves every field in `when_empty` empty: what adding one would give."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    """What the advice is about ("proof", "budget"): the plan places it by this name."""
    when_empty: list[str]
    say: str


class OfferFacts(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: Fact
    usp: Fact | None = None
    price: Fact | None = None


class BriefFacts(BaseModel):
    """Every fact of a brief the copy may use, typed."""

    model_config = ConfigDict(frozen=True)

    brand: Fact
    industry: Fact
    product: Fact
    audience: Fact
    audience_core: Fact
    """The audience's head: "home brewers" out of "Home brewers aged 28-45 who own a grinder"."""
    locations: list[Fact] = []
    offers: list[OfferFacts] = []
    current_offer: Fact | None = None
    proof: list[Fact] = []
    pain_points: list[Fact] = []
    desired_outcomes: list[Fact] = []
    objections: list[Fact] = []
    competitors: list[Fact] = []
    b2b: bool = False
    """The audience buys for a business: post on weekdays, speak to teams."""
    market: Market = Market.B2C
    care: bool = False
    """The business looks after people in person (a clinic, a studio, a salon): a first visit, nerves and who
    they will see belong in its copy, and in no other's."""
    gaps: list[BriefGap] = []
    """Advice for the fields the brief leaves empty that would make the plan and copy stronger."""
