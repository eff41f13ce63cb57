"""Content items and packs written by hand, and the rules they hit, for the QC tests."""

from __future__ import annotations

import datetime as dt

from aicmo.onboarding.api import Brief, BriefVersionId
from aicmo.production.api import ContentItem, ContentItemId, ContentKind, ContentPack, PackId, PackStatus
from aicmo.qc.internal.evaluator import find
from aicmo.strategy.api import StrategyVersionId
from tests.briefs import example

BRIEF = example("northwind")
LINK = "https://northwindroasters.com/?utm_source=instagram&utm_medium=social&utm_campaign=nw-2027-01"
DISCLAIMER = "Free bag applies to new subscribers only."
CLEAN = {
    "hook": "Fresh beans, every two weeks.",
    "body": (
        "Northwind Roasters ships within 48 hours of roasting."
        f" Every bag comes with tasting notes and a brew guide. {DISCLAIMER}"
    ),
    "cta": f"See how it works: {LINK}",
}


def item(kind: str = "social_post", platform: str | None = "facebook", position: int = 0, **fields: str) -> ContentItem:
    """A clean item of `kind`; `fields` replace or add copy."""
    return ContentItem(
        item_id=ContentItemId.new(),
        kind=ContentKind(kind),
        position=position,
        platform=platform,
        scheduled_on=None,
        fields={**CLEAN, **fields},
        brief_version_id=BriefVersionId.new(),
        strategy_version_id=StrategyVersionId.new(),
    )


def pack(*items: ContentItem) -> ContentPack:
    return ContentPack(
        pack_id=PackId.new(),
        client_name="Northwind Roasters",
        status=PackStatus.DRAFT,
        brief_version_id=BriefVersionId.new(),
        strategy_version_id=StrategyVersionId.new(),
        created_at=dt.datetime.now(dt.UTC),
        items=list(items),
    )


def rules_hit(*items: ContentItem, brief: Brief = BRIEF) -> dict[str, list[str]]:
    """Rule id → messages, for the findings of a pack of `items`."""
    found: dict[str, list[str]] = {}
    for finding in find(pack(*items), brief):
        found.setdefault(finding.rule_id, []).append(finding.message)
    return found
