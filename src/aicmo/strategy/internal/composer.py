"""Brief → strategy content. Pure functions: no database, deterministic for a brief."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.onboarding.api import Brief, BriefFacts, FactForm, Platform
from aicmo.platform.templating import english_list, lower_first, usable
from aicmo.strategy.api.dtos import Budget, ChannelAllocation, Kpi, Milestone, StrategyLayer
from aicmo.strategy.internal.budget import parse_budget
from aicmo.strategy.internal.channel_data import channel_data
from aicmo.strategy.internal.channel_mix import plan_channels, segment
from aicmo.strategy.internal.feasibility import budget_warnings, fit_proposed
from aicmo.strategy.internal.kpis import describe_kpi, plan_kpis
from aicmo.strategy.internal.phrasing import LAYER_KEYS, phrasing
from aicmo.strategy.internal.voice_guard import VoiceGuard


@dataclass(frozen=True)
class StrategyContent:
    big_idea: str
    layers: list[StrategyLayer]
    kpis: list[Kpi]
    channels: list[ChannelAllocation]
    timeline: list[Milestone]
    budget: Budget | None
    warnings: list[str]


def compose(brief: Brief, typed: BriefFacts) -> StrategyContent:
    """The strategy of a brief, with its facts as onboarding typed them: its places as they read
    ("Portland, OR") and the advice for what it leaves empty, placed by layer."""
    weeks = brief.goal.timeline_weeks
    guard = VoiceGuard(tuple(brief.voice.banned_words))
    budget = parse_budget(brief.goal.budget, weeks)
    channels = [
        c.model_copy(update={"role": guard.clean(c.role), "tactics": [guard.clean(t) for t in c.tactics]})
        for c in plan_channels(brief, budget)
    ]
    market = segment(brief)
    kpis = fit_proposed(plan_kpis(brief), budget, market, weeks)
    warnings = budget_warnings(kpis, budget, market, weeks)
    facts = _facts(brief, typed, channels, kpis, guard)
    big_idea = _first(phrasing().big_ideas, facts, guard)
    facts["big_idea"] = big_idea
    layers = []
    for key in LAYER_KEYS:
        text = phrasing().layers[key]
        points = _points(key, brief, channels, kpis, budget, guard) + [
            f"Warning: {w}" for w in warnings if key == "measurement"
        ]
        points += [gap.say for gap in typed.gaps if gap.key in text.missing]
        if key == "channel_plan" and brief.goal.budget and budget is None:
            points.append(phrasing().unreadable_budget)
        layers.append(
            StrategyLayer(
                key=key,
                title=text.title,
                summary=_first(text.summaries, facts, guard),
                points=[guard.clean(p) for p in points],
            )
        )
    timeline = [m.model_copy(update={"focus": guard.clean(m.focus)}) for m in plan_timeline(weeks)]
    return StrategyContent(big_idea, layers, kpis, channels, timeline, budget, [guard.clean(w) for w in warnings])


def _first(templates: list[str], facts: dict[str, str | None], guard: VoiceGuard) -> str:
    """The first template the facts fill without a banned word; the last resort is cleaned."""
    candidates = usable(templates, facts)
    if not candidates:
        raise ValueError(
            f"phrasing.yaml: none of {templates!r} can be filled; add one that needs only required brief fields"
        )
    for template in candidates:
        text = template.format(**facts)
        if not guard.says_banned(text):
            return text
    return guard.clean(text)


def plan_timeline(weeks: int) -> list[Milestone]:
    phases = phrasing().phases
    return [
        Milestone(week=max(1, round(1 + i * (weeks - 1) / max(1, len(phases) - 1))), focus=p)
        for i, p in enumerate(phases)
    ]


def _facts(
    brief: Brief, typed: BriefFacts, channels: list[ChannelAllocation], kpis: list[Kpi], guard: VoiceGuard
) -> dict[str, str | None]:
    """The values phrasing templates are filled with; None where the brief is silent or the fact
    carries a banned word."""
    outcome = _first_of(brief.audience.desired_outcomes, guard)
    proof = _first_of(brief.offer.proof, guard)
    pain = _first_of(brief.audience.pain_points, guard)
    product = guard.usable(brief.brand.product.rstrip("."))
    audience = guard.usable(brief.audience.primary)
    competitors = [guard.name(name) for name in brief.constraints.competitors]
    return {
        "brand": brief.brand.name,
        "product": product,
        "product_lc": lower_first(product) if product else None,
        "industry_lc": guard.usable(lower_first(brief.brand.industry)),
        "where": english_list(place.text for place in typed.locations) or brief.constraints.geography,
        "competitors": english_list(competitors, "or") or None,
        "audience": audience,
        "audience_short": lower_first(audience.split(" who ")[0].split(" aged ")[0]) if audience else None,
        "outcome": outcome[:1].upper() + outcome[1:] if outcome else None,
        "outcome_lc": _as_noun(outcome, typed) if outcome else None,
        "objection": _first_of(brief.audience.objections, guard),
        "pain_lc": lower_first(pain) if pain else None,
        "proof": proof,
        "channel_count": f"{len(channels)} channel" + "s" * (len(channels) != 1),
        "channels": english_list(f"{Platform(c.platform).display_name} {c.share_percent}%" for c in channels),
        "lead_channel": Platform(channels[0].platform).display_name,
        "tone": english_list(t for t in brief.voice.tone if guard.usable(t)) or "clear and friendly",
        "kpi_count": f"{len(kpis)} KPI" + "s" * (len(kpis) != 1),
        "weeks": str(brief.goal.timeline_weeks),
    }


def _as_noun(outcome: str, typed: BriefFacts) -> str:
    """The outcome as it reads after "want most:": a verb phrase becomes "a way to move without pain"."""
    fact = next((f for f in typed.desired_outcomes if f.text.casefold() == outcome.casefold()), None)
    return (
        f"a way to {lower_first(outcome)}"
        if fact is not None and fact.form == FactForm.ACTION
        else lower_first(outcome)
    )


def _first_of(values: list[str], guard: VoiceGuard) -> str | None:
    """The first fact the strategy may build on, without its quotes and final full stop."""
    return next((fact for value in values if (fact := guard.usable(value.strip().strip('"').rstrip(".")))), None)


def _points(
    key: str, brief: Brief, channels: list[ChannelAllocation], kpis: list[Kpi], budget: Budget | None, guard: VoiceGuard
) -> list[str]:
    b, a, o, c, v = brief.brand, brief.audience, brief.offer, brief.constraints, brief.voice
    n = guard.name
    if key == "business_reality":
        return [
            f"{n(i.name)}: {n(i.usp) if i.usp else 'core offer'}" + (f" ({i.price})" if i.price else "")
            for i in o.items
        ] + ([n(b.description)] if b.description else [])
    if key == "market_truth":
        return [_positioning(brief, name, number, guard) for number, name in enumerate(c.competitors)] + [
            f"Pain the market leaves open: {n(p)}" for p in a.pain_points
        ]
    if key == "audience_psychology":
        return (
            [f"Primary: {n(a.primary)}"]
            + ([f"Secondary: {n(a.secondary)}"] if a.secondary else [])
            + [f"Objection to answer: {n(x)}" for x in a.objections]
            + ([f"Where they spend time: {', '.join(n(h) for h in a.hangouts)}"] if a.hangouts else [])
        )
    if key == "value_proposition":
        return (
            [f"Outcome promised: {n(x)}" for x in a.desired_outcomes]
            + [f"Proof: {n(p)}" for p in o.proof]
            + ([f"Offer now: {n(o.current_offers)}"] if o.current_offers else [])
        )
    if key == "narrative":
        return [f"Pillar: {x}" for x in a.desired_outcomes + a.pain_points if guard.usable(x)][:5]
    if key == "channel_plan":
        return [_channel_point(ch, budget) for ch in channels] + (
            [_budget_point(budget, brief.goal.timeline_weeks)] if budget else []
        )
    if key == "execution_constraints":
        return (
            [f"Never say: {', '.join(f'“{w}”' for w in v.banned_words)}"] * bool(v.banned_words)
            + [f"Always include: {n(d)}" for d in v.required_disclaimers]
            + ([f"Legal: {n(c.legal_notes)}"] if c.legal_notes else [])
            + ([f"Geography: {n(c.geography)}"] if c.geography else [])
            + ([f"Avoid: {english_list(p.display_name for p in c.avoid_platforms)}"] if c.avoid_platforms else [])
        )
    return [describe_kpi(k) for k in kpis]


def _channel_point(channel: ChannelAllocation, budget: Budget | None) -> str:
    unit = channel_data().platforms[channel.platform].unit
    unit = unit.removesuffix("s") if channel.cadence_per_week == 1 else unit
    amount = f" ({budget.label(channel.budget_amount)})" if budget and channel.budget_amount is not None else ""
    return (
        f"{Platform(channel.platform).display_name}: {channel.share_percent}% of budget{amount},"
        f" {channel.cadence_per_week} {unit} a week — {channel.role}"
    )


def _budget_point(budget: Budget, weeks: int) -> str:
    total = "" if budget.period == "plan" else f", {budget.money(round(budget.plan_total))} over the {weeks}-week plan"
    return f"Budget: {budget.label(budget.amount)}{total}"


def _positioning(brief: Brief, competitor: str, number: int, guard: VoiceGuard) -> str:
    """Against one competitor: the brand's own offer and proof, never a claim about the rival."""
    items = [i for i in brief.offer.items if guard.usable(f"{i.name} {i.usp or ''}")]
    item = items[number % len(items)] if items else None
    edge = f"{item.name} — {lower_first(item.usp)}" if item and item.usp else guard.name(brief.brand.product)
    proofs = [p for p in brief.offer.proof if guard.usable(p)]
    proof = proofs[number % len(proofs)] if proofs else None
    return f"Against {guard.name(competitor)}: lead with {edge}" + (f". Proof to show: {proof}" if proof else "")
