"""Loads and validates the template writer's phrasing data (phrasing.yaml)."""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from aicmo.creatives.internal.slot_names import SLOT_NAMES
from aicmo.platform.templating import slot_names


def _of_tone(pools: dict[str, list[str]], tone: list[str]) -> list[str]:
    """The phrases of the brief's tone words, in their order, or the default ones."""
    chosen = [c for word in tone for c in pools.get(word.casefold(), [])]
    return list(dict.fromkeys(chosen)) or pools["default"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Role(_Data):
    hooks: list[str]
    moves: list[str]


class EmailPhrasing(_Data):
    roles: list[str]
    greetings: list[str]
    closings: dict[str, list[str]]
    signers: list[str]

    def closings_for(self, tone: list[str]) -> list[str]:
        return _of_tone(self.closings, tone)

    subjects: dict[str, list[str]]
    previews: dict[str, list[str]]
    openers: dict[str, list[str]]


VOICES = ("b2b", "sales", "leads", "awareness", "hiring", "retention")
MARKETS = ("b2b", "local", "b2c")
OBJECTIVES = ("awareness", "leads", "sales", "hiring", "retention")


def _ctas_for(ctas: dict[str, dict[str, list[str]]], market: str, objective: str) -> list[str]:
    """The calls to action that fit the market and the objective; a market's awareness ones for another objective."""
    own = ctas.get(market, ctas["b2c"])
    return own.get(objective) or ctas["any"].get(objective) or own["awareness"]


def _every_market(ctas: dict[str, dict[str, list[str]]], where: str, least: int = 1) -> None:
    """What each market is given for each objective holds at least `least` lines that need no fact: a pack says
    each line at most twice."""
    if missing := [f"{m}.{o}" for m in MARKETS for o in ("leads", "sales", "awareness") if not ctas.get(m, {}).get(o)]:
        raise ValueError(f"phrasing.yaml: {where} has nothing for {', '.join(missing)}")
    pools = {f"{m}.{o}": _ctas_for(ctas, m, o) for m in MARKETS for o in OBJECTIVES}
    if short := [name for name, lines in pools.items() if len([c for c in lines if not slot_names(c)]) < least]:
        raise ValueError(f"phrasing.yaml: {where} has fewer than {least} lines without a slot for {', '.join(short)}")


class GenericPhrasing(_Data):
    """Frames that need no fact beyond brand, product, audience and place, by the brief's voice."""

    hooks: dict[str, list[str]]
    moves: dict[str, list[str]]
    steps: dict[str, list[str]]
    email_fillers: dict[str, list[str]]
    care: dict[str, list[str]]
    """Lines for a business that looks after people in person, by pool ("moves"), added to the leads voice's own."""
    venue: dict[str, list[str]]
    """Lines for a place people visit (a local market), by pool, added to the awareness voice's own."""

    def lines(self, pool: str, voice: str, *, care: bool, local: bool) -> list[str]:
        """A pool's lines in `voice`, with the in-person care and the venue ones where they fit."""
        own = getattr(self, pool)[voice]
        if care and voice == "leads":
            return own + self.care.get(pool, [])
        if local and voice == "awareness":
            return own + self.venue.get(pool, [])
        return own

    @model_validator(mode="after")
    def _every_voice(self) -> GenericPhrasing:
        for name, added in (("care", self.care), ("venue", self.venue)):
            if unknown := set(added) - {"hooks", "moves", "steps", "email_fillers"}:
                raise ValueError(f"phrasing.yaml: generic.{name} names unknown pools: {', '.join(sorted(unknown))}")
        for name, pools in (
            ("hooks", self.hooks),
            ("moves", self.moves),
            ("steps", self.steps),
            ("email_fillers", self.email_fillers),
        ):
            if missing := [v for v in VOICES if not pools.get(v)]:
                raise ValueError(f"phrasing.yaml: generic.{name} has nothing for {', '.join(missing)}")
        return self


class AdPhrasing(_Data):
    placements: dict[str, str]
    headlines: list[str]
    primary_texts: list[str]
    descriptions: list[str]
    people_descriptions: dict[str, list[str]]
    """Descriptions for a voice that speaks to job seekers or existing customers, in place of the ones for buyers."""
    audiences: dict[str, str]
    """Who an ad of such a voice is shown to, in place of the brief's customer audience."""
    ctas: dict[str, dict[str, list[str]]]

    def descriptions_for(self, voice: str) -> list[str]:
        return self.people_descriptions.get(voice, self.descriptions)

    def ctas_for(self, market: str, objective: str) -> list[str]:
        return _ctas_for(self.ctas, market, objective)


class LandingPhrasing(_Data):
    heroes: list[str]
    subheads: list[str]
    faq_topics: dict[str, frozenset[str]]
    faq_answers: dict[str, list[str]]

    def topic_of(self, objection: str) -> str:
        """What an objection is about, by the words it holds; "general" when none tells."""
        said = set(re.findall(r"[a-z']+", objection.casefold()))
        return next((topic for topic, words in self.faq_topics.items() if said & words), "general")

    faq_generic: dict[str, list[tuple[str, str]]]
    voice_metas: dict[str, list[str]]
    metas: list[str]


class VoiceSection(_Data):
    heading: str
    facts: str | None = None
    """The section of the brief's facts ("approach", "proof") that gives its points when it gives two."""
    points: list[str]


class VoiceOutline(_Data):
    titles: list[str]
    metas: list[str]
    sections: list[VoiceSection]


class BlogPhrasing(_Data):
    titles: list[str]
    metas: list[str]
    headings: dict[str, list[str]]
    generic_points: dict[str, list[str]]
    market_points: dict[str, dict[str, list[str]]]
    voices: dict[str, VoiceOutline]
    """The outline for a voice that writes to job seekers or existing customers."""

    def points_for(self, section: str, market: str) -> list[str]:
        """A section's points that need no fact, with those that hold only for the brief's market: a salon's
        clients ask no references."""
        return self.generic_points[section] + self.market_points.get(market, {}).get(section, [])

    @model_validator(mode="after")
    def _every_market(self) -> BlogPhrasing:
        if missing := [m for m in MARKETS if m not in self.market_points]:
            raise ValueError(f"phrasing.yaml: blog.market_points has nothing for {', '.join(missing)}")
        return self


class Limits(_Data):
    cta_lines: int
    link_length: dict[str, int]
    subject: int
    preview: int
    meta_description: int
    headline: dict[str, int]
    primary_text: dict[str, int]
    description: dict[str, int]


class Phrasing(_Data):
    roles: dict[str, Role]
    plan_roles: list[str]
    hooks: dict[str, list[str]]
    moves: dict[str, list[str]]
    ctas: dict[str, dict[str, list[str]]]
    no_link: dict[str, str]
    in_place: frozenset[str]
    """First words of calls to action done where the reader is: they need no pointer to a link."""
    email: EmailPhrasing
    ads: AdPhrasing
    landing: LandingPhrasing
    blog: BlogPhrasing
    generic: GenericPhrasing
    connectives: dict[str, list[str]]
    limits: Limits
    claim_markers: list[str]

    def connectives_for(self, tone: list[str]) -> list[str]:
        """The connectives of the brief's tone words, or the default ones."""
        return _of_tone(self.connectives, tone)

    def ctas_for(self, market: str, objective: str) -> list[str]:
        return _ctas_for(self.ctas, market, objective)

    @model_validator(mode="after")
    def _consistent(self) -> Phrasing:
        for name, role in self.roles.items():
            unknown = [k for k in role.hooks if k not in self.hooks] + [
                m for m in role.moves if m not in self.moves and m != "steps"
            ]
            if unknown:
                raise ValueError(
                    f"phrasing.yaml: role {name!r} names unknown hook kinds or moves: {', '.join(unknown)}"
                )
        _every_market(self.ctas, "ctas", self.limits.cta_lines)
        _every_market(self.ads.ctas, "ads.ctas")
        if missing := [v for v in VOICES if not self.landing.faq_generic.get(v)]:
            raise ValueError(f"phrasing.yaml: landing.faq_generic has nothing for {', '.join(missing)}")
        if missing := [r for r in [*self.plan_roles, *self.email.roles] if r not in self.roles]:
            raise ValueError(f"phrasing.yaml: plan_roles or email.roles name unknown roles: {', '.join(missing)}")
        unknown_slots = {name for text in _strings(self.model_dump()) for name in slot_names(text)} - SLOT_NAMES
        if unknown_slots:
            raise ValueError(f"phrasing.yaml uses unknown slots: {', '.join(sorted(unknown_slots))}")
        if claims := invented_claims(self.model_dump()):
            raise ValueError(
                "phrasing.yaml: these lines claim what no brief said; build them from a brief fact "
                "or rewrite them as an invitation, a question or advice: " + "; ".join(claims)
            )
        return self


def invented_claims(bank: dict[str, Any]) -> list[str]:
    """The bank's lines that hold one of its claim markers outside their slots, each with the marker: the
    words around the slots read the same for every client, so a fact about the business in them is one
    no brief stated."""
    markers = bank["claim_markers"]
    marker = re.compile(r"(?i)(?<!\w)(" + "|".join(map(re.escape, markers)) + r")(?:s|es)?(?!\w)")
    lines = _strings({key: value for key, value in bank.items() if key != "claim_markers"})
    return [f"{line!r} ({found[1]!r})" for line in lines if (found := marker.search(_around_slots(line)))]


def _around_slots(line: str) -> str:
    return " ".join(text for text, *_ in string.Formatter().parse(line))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


@cache
def phrasing() -> Phrasing:
    path = Path(__file__).with_name("phrasing.yaml")
    return Phrasing.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
