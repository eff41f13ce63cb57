"""Ads: headline, primary text and description each written to the platform's limits (never cut),
with audience and placement suggestions from the brief."""

from __future__ import annotations

from aicmo.creatives.api.sections import AdCopy
from aicmo.creatives.internal.composer import Composer
from aicmo.creatives.internal.slots import without_qualifiers
from aicmo.platform.templating import english_list, fillable, lower_first


def _audience(c: Composer) -> str:
    """Who the ad is shown to: the brief's audience, or job seekers or existing customers for a voice aimed at them."""
    facts = c.facts
    people = c.data.ads.audiences.get(c.voice)
    if people:
        parts = [c.fill(people)] if fillable(people, c.values) else []
    else:
        parts = [facts.audience.text] if not facts.audience.banned else []
    if facts.geography:
        parts.append(f"location: {facts.geography}")
    elif facts.locations:
        parts.append("around " + english_list(place.text for place in facts.locations))
    interests = [
        lower_first(without_qualifiers(fact.text)) for fact in (facts.industry, facts.product) if not fact.banned
    ]
    if interests:
        parts.append("interests: " + ", ".join(interests))
    return "; ".join(part for part in parts if c.clean(part)) or "Everyone in the brief's audience and area"


_ACTING_NOW = 2
"""A platform's first two ads give the brief's current offer as the reason to act now."""


def write_ad(c: Composer) -> AdCopy:
    ads, limits = c.data.ads, c.data.limits
    c.acts_now = c.spec.index < _ACTING_NOW
    platform = c.spec.platform or "facebook"
    headline_max = limits.headline.get(platform, 40)
    headlines, primary_texts = (c.generic_lines("hooks"), []) if c.to_people else (ads.headlines, ads.primary_texts)
    headline = c.pick(headlines, "ad.headline", fits=headline_max, reuse=True) or c.facts.brand.text[:headline_max]
    room = limits.primary_text.get(platform, 125)
    primary = c.pick(primary_texts, "ad.primary", fits=room) or c.body(["mechanism", "outcome"], most=2, fits=room)
    description = (
        c.pick(ads.descriptions_for(c.voice), "ad.description", fits=limits.description.get(platform, 30), reuse=True)
        or "Learn more"
    )
    disclaimer = c.disclaimer()
    ctas = ads.ctas_for(c.facts.market, c.facts.objective)
    return AdCopy(
        headline=headline.rstrip("."),
        primary_text=f"{primary}\n\n{disclaimer}" if disclaimer else primary,
        description=description.rstrip("."),
        cta=ctas[c.spec.index % len(ctas)],
        audience=_audience(c),
        placement=ads.placements.get(platform, "Feed"),
    )
