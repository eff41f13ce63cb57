"""Brief → strategy content. Pure functions: no database, deterministic for a brief."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aicmo.onboarding.api import Brief
from aicmo.strategy.api.dtos import ChannelAllocation, Kpi, Milestone, StrategyLayer
from aicmo.platform.templating import lower_first, usable
from aicmo.strategy.internal.phrasing import LAYER_KEYS, phrasing

_PERIOD_WEEKS = {"week": 1, "month": 4, "quarter": 13, "year": 52}
_NUMBER = re.compile(r"(?P<currency>[$€£])?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<suffix>%|k\b|m\b)?", re.IGNORECASE)
_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
_AT_MOST = re.compile(r"\b(under|below|less than|at most|no more than|max(?:imum)?)\s*$", re.IGNORECASE)
_AT_LEAST = re.compile(r"\b(over|above|more than|at least|min(?:imum)?)\s*$", re.IGNORECASE)
_SCALE = {"k": 1_000, "m": 1_000_000}


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
    big_idea = _first(phrasing().big_ideas, facts)
    facts["big_idea"] = big_idea
    layers = []
    for key in LAYER_KEYS:
        text = phrasing().layers[key]
        points = _points(key, brief, channels, kpis) or ([text.gap] if text.gap else [])
        layers.append(StrategyLayer(key=key, title=text.title, summary=_first(text.summaries, facts), points=points))
    return StrategyContent(big_idea, layers, kpis, channels, plan_timeline(brief.goal.timeline_weeks))


def _first(templates: list[str], facts: dict[str, str | None]) -> str:
    candidates = usable(templates, facts)
    if not candidates:
        raise ValueError(f"phrasing.yaml: none of {templates!r} can be filled; add one that needs only required brief fields")
    return candidates[0].format(**facts)


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
        Kpi(name=p.name, target=p.target, unit=p.unit, comparison=p.comparison, timeframe_weeks=weeks, proposed=True)
        for p in phrasing().proposed_kpis[brief.goal.objective.value]
    ]


def parse_kpi(text: str, default_weeks: int) -> Kpi | None:
    """'600 new subscriptions in the quarter' → New subscriptions, 600, 13 weeks;
    'Cost per acquisition under $35' → Cost per acquisition, at most 35 USD."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    target = float(match.group("number").replace(",", "")) * _SCALE.get((match.group("suffix") or "").lower(), 1)
    before, after = text[: match.start()], text[match.end():]
    if match.group("suffix") == "%":
        unit = "%"
    elif match.group("currency"):
        unit = _CURRENCIES[match.group("currency")]
    else:
        unit = _unit_words(after) or "units"
    comparison = "at_most" if _AT_MOST.search(before) else "at_least" if _AT_LEAST.search(before) else "reach"
    name = _AT_LEAST.sub("", _AT_MOST.sub("", before)).strip(" :-–—,") or _unit_words(after) or text
    weeks = next((w for word, w in _PERIOD_WEEKS.items() if re.search(rf"\b{word}", text, re.I)), default_weeks)
    return Kpi(
        name=name[:1].upper() + name[1:],
        target=target,
        unit=unit,
        comparison=comparison,
        timeframe_weeks=weeks,
        proposed=False,
    )


def _unit_words(rest: str) -> str:
    words = re.split(r"\b(?:in|per|within|by|over|during)\b", rest, maxsplit=1)[0]
    return " ".join(words.split()).strip(" .,;")


def plan_timeline(weeks: int) -> list[Milestone]:
    phases = phrasing().phases
    return [Milestone(week=max(1, round(1 + i * (weeks - 1) / max(1, len(phases) - 1))), focus=p) for i, p in enumerate(phases)]


def _facts(brief: Brief, channels: list[ChannelAllocation], kpis: list[Kpi]) -> dict[str, str | None]:
    """The values phrasing templates are filled with; None where the brief is silent."""
    outcome = _first_of(brief.audience.desired_outcomes)
    proof = _first_of(brief.offer.proof)
    pain = _first_of(brief.audience.pain_points)
    return {
        "brand": brief.brand.name,
        "product": brief.brand.product.rstrip("."),
        "product_lc": lower_first(brief.brand.product.rstrip(".")),
        "industry_lc": lower_first(brief.brand.industry),
        "where": ", ".join(brief.brand.locations) or brief.constraints.geography,
        "competitors": ", ".join(brief.constraints.competitors) or None,
        "audience": brief.audience.primary,
        "audience_short": lower_first(brief.audience.primary.split(" who ")[0].split(" aged ")[0]),
        "outcome": outcome[:1].upper() + outcome[1:] if outcome else None,
        "outcome_lc": lower_first(outcome) if outcome else None,
        "objection": _first_of(brief.audience.objections),
        "pain_lc": lower_first(pain) if pain else None,
        "proof_lc": lower_first(proof) if proof else None,
        "adjective": (brief.voice.adjectives or ["simple"])[0],
        "channel_count": str(len(channels)),
        "channels": ", ".join(f"{c.platform} {c.share_percent}%" for c in channels),
        "tone": ", ".join(brief.voice.tone) or "clear, friendly",
        "kpi_count": str(len(kpis)),
        "weeks": str(brief.goal.timeline_weeks),
    }


def _first_of(values: list[str]) -> str | None:
    return values[0].strip().strip('"').rstrip(".") if values else None


def _points(key: str, brief: Brief, channels: list[ChannelAllocation], kpis: list[Kpi]) -> list[str]:
    b, a, o, c, v = brief.brand, brief.audience, brief.offer, brief.constraints, brief.voice
    if key == "business_reality":
        return [f"{i.name}: {i.usp or 'core offer'}" + (f" ({i.price})" if i.price else "") for i in o.items] + (
            [b.description] if b.description else []
        )
    if key == "market_truth":
        return [_positioning(brief, name, number) for number, name in enumerate(c.competitors)] + [
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
    return [describe_kpi(k) for k in kpis]


def describe_kpi(kpi: Kpi) -> str:
    bound = {"at_most": "at most ", "at_least": "at least ", "reach": ""}[kpi.comparison]
    unit = kpi.unit if kpi.unit == "%" else f" {kpi.unit}"
    label = " (proposed)" if kpi.proposed else ""
    return f"{kpi.name}: {bound}{kpi.target:,g}{unit} within {kpi.timeframe_weeks} weeks{label}"


def _positioning(brief: Brief, competitor: str, number: int) -> str:
    """Against one competitor: the brand's own offer and proof, never a claim about the rival."""
    items = brief.offer.items
    item = items[number % len(items)] if items else None
    edge = f"{item.name} — {item.usp}" if item and item.usp else brief.brand.product
    proof = brief.offer.proof[number % len(brief.offer.proof)] if brief.offer.proof else None
    return f"Against {competitor}: lead with {edge}" + (f", backed by {proof}" if proof else "")
