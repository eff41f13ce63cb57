"""The brief's typed facts (onboarding) → the writer's view of them (creatives cannot import onboarding)."""

from __future__ import annotations

from aicmo.creatives.api import BriefFacts
from aicmo.onboarding.api import Brief
from aicmo.onboarding.api import BriefFacts as TypedFacts


def brief_facts(brief: Brief, typed: TypedFacts, big_idea: str = "") -> BriefFacts:
    return BriefFacts.model_validate(
        {
            **typed.model_dump(),
            "objective": brief.goal.objective.value,
            "website": brief.brand.website,
            "geography": brief.constraints.geography,
            "tone": brief.voice.tone,
            "banned_words": brief.voice.banned_words,
            "disclaimers": brief.voice.required_disclaimers,
            "big_idea": big_idea,
        }
    )
