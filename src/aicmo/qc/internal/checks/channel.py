"""Rules about how a post lives on its platform: topical hashtags, no dead links in
Instagram captions, posting while the audience is awake."""

from __future__ import annotations

import datetime as dt

from pydantic import model_validator

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import RuleParams, Words
from aicmo.qc.internal.checks.prose import HASHTAG, LINK, words


class ToneHashtagParams(RuleParams):
    tone_words: Words
    """Voice words that are no topic, besides the brief's own voice.tone and voice.adjectives."""
    non_topics: Words
    """Words that say nothing as a hashtag (#OR, #The)."""


class LinkFreeParams(RuleParams):
    platforms: Words
    """Platforms whose captions do not make links clickable."""


class PostingHoursParams(RuleParams):
    earliest: dt.time
    latest: dt.time

    @model_validator(mode="after")
    def _a_window(self) -> PostingHoursParams:
        if self.earliest >= self.latest:
            raise ValueError("earliest must come before latest")
        return self


def _squashed(text: str) -> str:
    return "".join(words(text)).casefold()


def tone_hashtags(item: ContentItem, ctx: CheckContext) -> list[str]:
    """Hashtags that are voice words or no topic; a word the brand's name, industry or product uses is a topic."""
    params: ToneHashtagParams = ctx.params
    voice = ctx.brief.voice
    brand = ctx.brief.brand
    tone = {_squashed(w) for w in [*voice.tone, *voice.adjectives]} | params.tone_words
    topical = {_squashed(w) for w in words(f"{brand.name} {brand.industry} {brand.product}")}
    found = []
    for tag in dict.fromkeys(HASHTAG.findall(item.published_text)):
        word = tag[1:].casefold()
        if word in params.non_topics:
            found.append(f"{tag} (not a topic)")
        elif word in tone and word not in topical:
            found.append(f"{tag} (a tone word)")
    return found


def caption_links(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: LinkFreeParams = ctx.params
    if (item.platform or "") not in params.platforms:
        return []
    return [f"{link.rstrip('.,;:!?')} on {item.platform}" for link in LINK.findall(item.published_text)]


def posting_hours(item: ContentItem, ctx: CheckContext) -> list[str]:
    """The item's local posting time (in the brief's plan.timezone), when production gives one."""
    params: PostingHoursParams = ctx.params
    at = getattr(item, "scheduled_time", None)
    if not isinstance(at, dt.time) or params.earliest <= at <= params.latest:
        return []
    day = f"{item.scheduled_on.isoformat()} " if item.scheduled_on else ""
    window = f"{params.earliest.strftime('%H:%M')}-{params.latest.strftime('%H:%M')}"
    return [f"{day}{at.strftime('%H:%M')} {ctx.brief.plan.timezone}, outside {window}"]
