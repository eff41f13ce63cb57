"""Which channels carry the plan, their budget shares and how often each one posts."""

from __future__ import annotations

from aicmo.onboarding.api import Brief, Platform
from aicmo.strategy.api.dtos import Budget, ChannelAllocation
from aicmo.strategy.internal.budget import split_amount
from aicmo.strategy.internal.channel_data import Segment, channel_data, words_pattern


def segment(brief: Brief) -> Segment:
    """b2b when the brief names businesses as buyers, local for a neighbourhood service, b2c otherwise."""
    text = " ".join([brief.brand.industry, brief.brand.product, brief.audience.primary])
    for name in ("b2b", "local"):
        if words_pattern(channel_data().segments[name].words).search(text):
            return name
    return "b2c"


def hangout_platforms(hangouts: list[str]) -> set[Platform]:
    """'Instagram', 'Facebook groups', 'YouTube brewing channels' → the platforms they name."""
    found = set()
    for hangout in hangouts:
        for platform, data in channel_data().platforms.items():
            if words_pattern([platform.value, *data.aliases]).search(hangout):
                found.add(platform)
    return found


def scores(brief: Brief) -> dict[Platform, float]:
    """Each platform's fit for this brief: segment fit × objective weight × hangout bonus."""
    data = channel_data()
    fit = data.fit[segment(brief)]
    weights = data.objective_weights.get(brief.goal.objective, {})
    hangouts = hangout_platforms(brief.audience.hangouts)
    return {p: fit[p] * weights.get(p, 1.0) * (data.hangout_bonus if p in hangouts else 1.0) for p in Platform}


def plan_channels(brief: Brief, budget: Budget | None = None) -> list[ChannelAllocation]:
    """The focus platforms, or the best fits for the audience and objective; never an avoided one.

    Shares follow fit and sum to 100; cadence follows share, so a bigger budget share never posts less."""
    data = channel_data()
    fit = scores(brief)
    avoided = set(brief.constraints.avoid_platforms)
    if brief.constraints.focus_platforms:
        chosen = [p for p in brief.constraints.focus_platforms if p not in avoided]
    else:
        ranked = sorted((p for p in Platform if p not in avoided and fit[p] > 0), key=lambda p: -fit[p])
        chosen = ranked[: data.max_channels] or [Platform.EMAIL]
    chosen.sort(key=lambda p: -fit[p])
    shares = _split_hundred(_capped_weights(chosen, [max(fit[p], 0.1) for p in chosen]))
    amounts = split_amount(budget.amount, shares) if budget else [None] * len(chosen)
    return [
        ChannelAllocation(
            platform=p.value,
            share_percent=share,
            role=data.platforms[p].role,
            cadence_per_week=max(1, min(data.platforms[p].max_cadence, round(share * data.weekly_posts / 100))),
            tactics=data.platforms[p].tactics,
            budget_amount=amount,
        )
        for p, share, amount in zip(chosen, shares, amounts, strict=True)
    ]


def _capped_weights(platforms: list[Platform], weights: list[float]) -> list[float]:
    """Percentages by weight, none above the share its platform's highest cadence stands for;
    what a capped platform cannot take goes to the others in proportion."""
    data = channel_data()
    caps = [100 * (data.platforms[p].max_cadence + 0.49) / data.weekly_posts for p in platforms]
    shares = [0.0] * len(platforms)
    open_ = set(range(len(platforms)))
    left = 100.0
    while open_:
        total = sum(weights[i] for i in open_)
        over = {i for i in open_ if left * weights[i] / total > caps[i]}
        if not over or over == open_:
            for i in open_:
                shares[i] = left * weights[i] / total
            break
        for i in over:
            shares[i] = caps[i]
            left -= caps[i]
        open_ -= over
    return shares


def _split_hundred(weights: list[float]) -> list[int]:
    """Integer percentages proportional to weights that sum to exactly 100."""
    total = sum(weights)
    raw = [100 * w / total for w in weights]
    shares = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - shares[i], reverse=True)
    for i in by_remainder[: 100 - sum(shares)]:
        shares[i] += 1
    return shares
