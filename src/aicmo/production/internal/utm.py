"""Links to the client's site carry UTM tags, so every post, email and ad can be measured."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

from aicmo.onboarding.api import Brief
from aicmo.platform.templating import slug
from aicmo.production.api.dtos import ContentKind

MEDIUM = {
    ContentKind.EMAIL: "email",
    ContentKind.AD: "paid_social",
    ContentKind.LANDING_PAGE: "web",
    ContentKind.BLOG_OUTLINE: "web",
}


def campaign_name(brief: Brief) -> str:
    return f"{slug(brief.client_name, 'client')}-{brief.plan.start_date:%Y-%m}"


def tagged(url: str, source: str, medium: str, campaign: str) -> str:
    parts = urlsplit(url)
    query = "&".join(
        q for q in (parts.query, urlencode({"utm_source": source, "utm_medium": medium, "utm_campaign": campaign})) if q
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, parts.fragment))


def link_for(brief: Brief, kind: ContentKind, platform: str | None) -> str | None:
    """The brand's website tagged for this item's channel; None without a website, and on Instagram (link in bio)."""
    website = brief.brand.website
    if not website or platform == "instagram":
        return None
    medium = "email" if platform == "email" else MEDIUM.get(kind, "social")
    return tagged(website, platform or "website", medium, campaign_name(brief))
