"""The checks behind each rule id: item + brief → details of what is wrong (empty = fine)."""

from __future__ import annotations

import re
from collections.abc import Callable

from aicmo.onboarding.api import Brief
from aicmo.production.api import ContentItem

PLATFORM_LIMITS = {"x": 280, "linkedin": 3000, "instagram": 2200, "facebook": 2200, "tiktok": 2200}
_TOKEN = re.compile(r"\{\{?\s*[\w.]+\s*\}?\}|\[(?:insert|your|brand|name|todo)[^\]]*\]|\bTODO\b|\bTBD\b|lorem ipsum", re.I)
_CTA_FIELDS = ("cta",)


def placeholders(item: ContentItem, _brief: Brief) -> list[str]:
    return [repr(m.group(0)) for m in _TOKEN.finditer(item.text)]


def banned_words(item: ContentItem, brief: Brief) -> list[str]:
    text = item.text
    return [repr(w) for w in brief.voice.banned_words if re.search(rf"(?i)\b{re.escape(w)}\b", text)]


def disclaimers(item: ContentItem, brief: Brief) -> list[str]:
    return [repr(d) for d in brief.voice.required_disclaimers if d not in item.text]


def platform_limit(item: ContentItem, _brief: Brief) -> list[str]:
    limit = PLATFORM_LIMITS.get(item.platform or "")
    published = item.published_text
    if limit and len(published) > limit:
        return [f"{item.platform} ({len(published)} of {limit} characters)"]
    return []


def email_subject(item: ContentItem, _brief: Brief) -> list[str]:
    subject = item.fields.get("subject", "")
    return [str(len(subject))] if len(subject) > 60 else []


def missing_cta(item: ContentItem, _brief: Brief) -> list[str]:
    return [] if any(item.fields.get(f, "").strip() for f in _CTA_FIELDS) else ["no cta"]


CHECKS: dict[str, Callable[[ContentItem, Brief], list[str]]] = {
    "QC-PLACEHOLDER": placeholders,
    "QC-BANNED-WORD": banned_words,
    "QC-DISCLAIMER": disclaimers,
    "QC-PLATFORM-LIMIT": platform_limit,
    "QC-EMAIL-SUBJECT": email_subject,
    "QC-MISSING-CTA": missing_cta,
}
