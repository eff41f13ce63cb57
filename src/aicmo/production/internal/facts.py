"""Brief + strategy → the writer's view of the facts (creatives cannot import onboarding)."""

from __future__ import annotations

import re

from aicmo.creatives.api import BriefFacts, OfferFact
from aicmo.onboarding.api import Brief
from aicmo.strategy.api import Strategy


def brief_facts(brief: Brief, strategy: Strategy) -> BriefFacts:
    return BriefFacts(
        brand=brief.brand.name,
        industry=brief.brand.industry,
        product=brief.brand.product,
        website=brief.brand.website,
        locations=brief.brand.locations,
        offers=[OfferFact(name=i.name, usp=i.usp, price=i.price) for i in brief.offer.items],
        current_offer=brief.offer.current_offers,
        proof=brief.offer.proof,
        audience=brief.audience.primary,
        pain_points=brief.audience.pain_points,
        desired_outcomes=brief.audience.desired_outcomes,
        objections=brief.audience.objections,
        tone=brief.voice.tone,
        adjectives=brief.voice.adjectives,
        banned_words=brief.voice.banned_words,
        disclaimers=brief.voice.required_disclaimers,
        competitors=brief.constraints.competitors,
        big_idea=strategy.big_idea,
    )


def hashtags(brief: Brief, count: int, index: int) -> str:
    """Hashtags from the brand, industry and locations, rotated by index."""
    if count <= 0:
        return ""
    words = [brief.brand.name, brief.brand.industry, *brief.brand.locations, *brief.voice.adjectives]
    tags = []
    for word in words:
        tag = "#" + "".join(part[:1].upper() + part[1:] for part in re.findall(r"\w+", word))
        if len(tag) > 1 and tag.lower() not in {t.lower() for t in tags}:
            tags.append(tag)
    if not tags:
        return ""
    start = index % len(tags)
    rotated = tags[:1] + (tags[1:][start:] + tags[1:][:start])
    return " ".join(rotated[:count])
