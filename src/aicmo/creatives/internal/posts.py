"""Social posts and calendar entries: a hook, a body of 2-4 sentences, one CTA, hashtags, the disclaimer."""

from __future__ import annotations

import re

from aicmo.creatives.api.sections import CalendarEntryCopy, PostCopy
from aicmo.creatives.internal.composer import Composer
from aicmo.creatives.internal.hashtags import hashtags
from aicmo.platform.templating import sentences

_ROOMY = 1000
"""Below this many characters (X), a post takes the shortest hashtags and gives each sentence half the room."""
_LINK = re.compile(r"https?://\S+")
_PILLARS = {
    "problem": "Problem",
    "how_to": "How-to",
    "proof": "Proof",
    "offer": "Offer",
    "objection": "Objection",
    "story": "Story",
    "outcome": "Outcome",
}


def _length(text: str, link_length: int | None) -> int:
    """Characters as the platform counts them (X counts each link as 23)."""
    return len(text) if link_length is None else len(_LINK.sub("x" * link_length, text))


def _post_fields(c: Composer) -> dict[str, str]:
    """Hook, body, CTA and hashtags; where room is tight the hook gets less of it until the body has two sentences."""
    spec = c.spec
    tags = hashtags(c.facts, spec.hashtags, spec.index, short=spec.max_chars is not None and spec.max_chars < _ROOMY)
    disclaimer = c.disclaimer()
    for hook_share in (3, 4, 6):
        attempt = Composer(spec, c.facts)
        cta = attempt.cta()
        fixed = _length(cta, attempt.data.limits.link_length.get(spec.platform or "")) + len(tags) + len(disclaimer) + 8
        room = None if spec.max_chars is None else spec.max_chars - fixed
        hook = attempt.hook(fits=None if room is None else room // hook_share)
        body_room = None if room is None else room - len(hook)
        most = 2 if body_room is not None and body_room < _ROOMY // 3 else 4
        body = " ".join(
            sentences(attempt.body(attempt.data.roles[attempt.role].moves, most=most, fits=body_room))[:most]
        )
        if len(sentences(body)) >= 2:
            break
    return {"hook": hook, "body": f"{body}\n\n{disclaimer}" if disclaimer else body, "cta": cta, "hashtags": tags}


def write_post(c: Composer) -> PostCopy:
    return PostCopy(**_post_fields(c))


def write_calendar_entry(c: Composer) -> CalendarEntryCopy:
    return CalendarEntryCopy(pillar=_PILLARS.get(c.role, c.role.capitalize()), **_post_fields(c))
