"""Production: writes the content pack — 30-day calendar, platform posts, emails, ads,
landing page, blog outline — each item tied to its brief and strategy versions."""

from aicmo.production.api.dtos import ContentItem, ContentItemId, ContentKind, ContentPack, PackId, PackStatus
from aicmo.production.api.events import ContentRevised, DraftReady
from aicmo.production.api.ports import ContentProduction

CONTRACT_VERSION = "0.8.0"

__all__ = [
    "CONTRACT_VERSION",
    "ContentItem",
    "ContentItemId",
    "ContentKind",
    "ContentPack",
    "ContentProduction",
    "ContentRevised",
    "DraftReady",
    "PackId",
    "PackStatus",
]
