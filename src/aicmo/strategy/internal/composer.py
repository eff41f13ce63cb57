"""Brief → strategy content. Pure functions: no database, deterministic for a brief."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aicmo.onboarding.api import Brief
from aicmo.strategy.api.dtos import ChannelAllocation, Kpi, Milestone, StrategyLayer
from aicmo.strategy.internal.phrasing import LAYER_KEYS, phrasing

_PERIOD_WEEKS = {"week": 1, "month": 4, "quarter": 13, "year": 52}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(%|k\b)?", re.IGNORECASE)


@dataclass(frozen=True)
class StrategyContent:
    big_idea: str
    layers: list[StrategyLayer]
    kpis: list[Kpi]
    channels: list[ChannelAllocation]
    timeline: list[Milestone]


def compose(brief: Brief) -> StrategyContent:
    channels = plan_channels(brief)
    kpis = plan_kpis(brief)
    facts = _facts(brief, channels, kpis)
    big_idea = phrasing().big_idea.format(**facts)
    facts["big_idea"] = big_idea
    layers = [
        StrategyLayer(
            key=key,
            title=phrasing().layers[key].title,
            summary=phrasing().layers[key].summary.format(**facts),
            points=_points(key, brief, channels, kpis) or [phrasing().layers[key].summary.format(**facts)],
        )
        for key in LAYER_KEYS
    ]
    return StrategyContent(big_idea, layers, kpis, channels, plan_timeline(brief.goal.timeline_weeks))


def plan_channels(brief: Brief) -> list[ChannelAllocation]:
    """Focus platforms (or the objective's defaults), never an avoided one; shares sum to 100."""
    avoided = {p.value for p in brief.constraints.avoid_platforms}
    chosen = [p.value for p in brief.constraints.focus_platforms] or phrasing().default_channels[brief.goal.objective.value]
    chosen = [name for name in chosen if name not in avoided] or ["email"]
    roles = phrasing().channel_roles
    shares = _split_hundred([roles[name].weight for name in chosen])
    return [
        ChannelAllocation(
            platform=name,
            share_percent=share,
            role=roles[name].role,
            cadence_per_week=roles[name].cadence,
            tactics=roles[name].tactics,
        )
        for name, share in zip(chosen, shares, strict=True)
    ]


def _split_hundred(weights: list[int]) -> list[int]:
    """Integer percentages proportional to weights that sum to exactly 100."""
    total = sum(weights)
    raw = [100 * w / total for w in weights]
    shares = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - shares[i], reverse=True)
    for i in by_remainder[: 100 - sum(shares)]:
        shares[i] += 1
    return shares


def plan_kpis(brief: Brief) -> list[Kpi]:
    weeks = brief.goal.timeline_weeks
    kpis = [kpi for text in brief.goal.kpis if (kpi := parse_kpi(text, weeks)) is not None]
    if kpis:
        return kpis
    return [
        Kpi(name=p.name, target=p.target, unit=p.unit, timeframe_weeks=weeks, proposed=True)
        for p in phrasing().proposed_kpis[brief.goal.objective.value]
    ]


def parse_kpi(text: str, default_weeks: int) -> Kpi | None:
    """'600 new subscriptions in the quarter' → target 600, unit 'new subscriptions', 13 weeks."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    target = float(match.group(1).replace(",", ""))
    if (match.group(2) or "").lower() == "k":
        target *= 1000
    unit = "%" if match.group(2) == "%" else _unit_words(text[match.end():]) or "units"
    weeks = next((w for word, w in _PERIOD_WEEKS.items() if re.search(rf"\b{word}", text, re.I)), default_weeks)
    return Kpi(name=text, target=target, unit=unit, timeframe_weeks=weeks, proposed=False)


def _unit_words(rest: str) -> str:
    words = re.split(r"\b(?:in|per|within|by|over|during)\b", rest, maxsplit=1)[0]
    return " ".join(words.split()).strip(" .,;")


def plan_timeline(weeks: int) -> list[Milestone]:
    phases = phrasing().phases
    return [Milestone(week=max(1, round(1 + i * (weeks - 1) / max(1, len(phases) - 1))), focus=p) for i, p in enumerate(phases)]


def _facts(brief: Brief, channels: list[ChannelAllocation], kpis: list[Kpi]) -> dict[str, str]:
    outcome = (brief.audience.desired_outcomes or [brief.brand.product])[0]
    proof = brief.offer.proof
    return {
        "brand": brief.brand.name,
        "product": brief.brand.product.rstrip("."),
        "industry": brief.brand.industry,
        "where": ", ".join(brief.brand.locations) or brief.constraints.geography or "its customers wherever they are",
        "alternatives": ", ".join(brief.constraints.competitors) or "doing nothing or the usual option",
        "audience": brief.audience.primary,
        "audience_short": brief.audience.primary.split(" who ")[0].split(" aged ")[0].lower(),
        "outcome": outcome[0].lower() + outcome[1:],
        "outcome_cap": outcome[0].upper() + outcome[1:],
        "objection": _lower_first((brief.audience.objections or ["switching feels risky"])[0]).strip('"'),
        "pain": _lower_first((brief.audience.pain_points or ["the usual hassle"])[0]).rstrip("."),
        "proof_clause": f"proven by {proof[0][0].lower() + proof[0][1:]} " if proof else "",
        "adjective": (brief.voice.adjectives or ["simple"])[0],
        "channel_count": str(len(channels)),
        "channels": ", ".join(f"{c.platform} {c.share_percent}%" for c in channels),
        "tone": ", ".join(brief.voice.tone) or "clear, friendly",
        "kpi_count": str(len(kpis)),
        "weeks": str(brief.goal.timeline_weeks),
    }


def _lower_first(text: str) -> str:
    text = text.strip().strip('"')
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _points(key: str, brief: Brief, channels: list[ChannelAllocation], kpis: list[Kpi]) -> list[str]:
    b, a, o, c, v = brief.brand, brief.audience, brief.offer, brief.constraints, brief.voice
    if key == "business_reality":
        return [f"{i.name}: {i.usp or 'core offer'}" + (f" ({i.price})" if i.price else "") for i in o.items] + (
            [b.description] if b.description else []
        )
    if key == "market_truth":
        return [f"Position against {name}: lead with what {b.name} does that {name} does not" for name in c.competitors] + [
            f"Pain the market leaves open: {p}" for p in a.pain_points
        ]
    if key == "audience_psychology":
        return [f"Primary: {a.primary}"] + ([f"Secondary: {a.secondary}"] if a.secondary else []) + [
            f"Objection to answer: {x}" for x in a.objections
        ] + ([f"Where they spend time: {', '.join(a.hangouts)}"] if a.hangouts else [])
    if key == "value_proposition":
        return [f"Outcome promised: {x}" for x in a.desired_outcomes] + [f"Proof: {p}" for p in o.proof] + (
            [f"Offer now: {o.current_offers}"] if o.current_offers else []
        )
    if key == "narrative":
        return [f"Pillar: {x}" for x in a.desired_outcomes + a.pain_points][:5]
    if key == "channel_plan":
        return [f"{ch.platform}: {ch.share_percent}% of budget, {ch.cadence_per_week}/week — {ch.role}" for ch in channels] + (
            [f"Budget: {brief.goal.budget}"] if brief.goal.budget else []
        )
    if key == "execution_constraints":
        return (
            [f"Never say: {', '.join(v.banned_words)}"] * bool(v.banned_words)
            + [f"Always include: {d}" for d in v.required_disclaimers]
            + ([f"Legal: {c.legal_notes}"] if c.legal_notes else [])
            + ([f"Geography: {c.geography}"] if c.geography else [])
            + ([f"Avoid: {', '.join(p.value for p in c.avoid_platforms)}"] if c.avoid_platforms else [])
        )
    return [
        f"{k.name}: target {k.target:g} {k.unit} in {k.timeframe_weeks} weeks" + (" (proposed)" if k.proposed else "")
        for k in kpis
    ]
