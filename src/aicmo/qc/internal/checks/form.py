"""Rules about the form of the copy: lengths, hashtags, links, call to action, readability."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.readability import flesch_kincaid_grade

_URL = re.compile(r"https?://[^\s)>\]]+|www\.[^\s)>\]]+|https?:/[^/\s]\S*", re.I)
_UTM = ("utm_source", "utm_medium", "utm_campaign")


def platform_limit(item: ContentItem, ctx: CheckContext) -> list[str]:
    limit = ctx.params["limits"].get(item.platform or "")
    link_length = ctx.params.get("link_length", {}).get(item.platform or "")
    text = item.published_text
    length = len(text) if link_length is None else len(_URL.sub("x" * link_length, text))
    return [f"{item.platform} ({length} of {limit} characters)"] if limit and length > limit else []


def hashtag_count(item: ContentItem, ctx: CheckContext) -> list[str]:
    limit = ctx.params["limits"].get(item.platform or "")
    count = len(re.findall(r"(?<!\w)#\w+", item.published_text))
    return [f"{count} hashtags on {item.platform} (at most {limit})"] if limit is not None and count > limit else []


def email_subject(item: ContentItem, ctx: CheckContext) -> list[str]:
    subject = item.fields.get("subject", "")
    return [str(len(subject))] if len(subject) > ctx.params["max"] else []


def meta_description(item: ContentItem, ctx: CheckContext) -> list[str]:
    description = item.fields.get("meta_description", "")
    return [str(len(description))] if len(description) > ctx.params["max"] else []


def missing_cta(item: ContentItem, _ctx: CheckContext) -> list[str]:
    return [] if item.fields.get("cta", "").strip() else ["no cta"]


def links(item: ContentItem, _ctx: CheckContext) -> list[str]:
    problems = []
    for url in _URL.findall(item.published_text):
        url = url.rstrip(".,;:!?'\"")
        parts = urlsplit(url if "://" in url else "")
        if not parts.scheme or not parts.netloc or "." not in parts.netloc:
            problems.append(f"{url!r} is malformed")
        elif not all(key in parse_qs(parts.query) for key in _UTM):
            problems.append(f"{url!r} has no UTM tags")
    return problems


def readability(item: ContentItem, ctx: CheckContext) -> list[str]:
    text = item.published_text
    if len(text.split()) < ctx.params["min_words"]:
        return []
    grade = flesch_kincaid_grade(text)
    return [f"{grade:.1f}"] if not ctx.params["min_grade"] <= grade <= ctx.params["max_grade"] else []
