"""A stored pack as other modules see it, and what an item row keeps of a written section."""

from __future__ import annotations

from aicmo.creatives.api import WrittenSection
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.onboarding.api import BriefVersionId
from aicmo.production.api.dtos import ContentItem, ContentKind, ContentPack, PackId, PackStatus
from aicmo.production.internal.models import ContentItemRow, PackRow
from aicmo.production.internal.pack_repository import PackRepository
from aicmo.strategy.api import StrategyVersionId


def changeable_pack(repository: PackRepository, pack_id: PackId) -> PackRow:
    """The stored pack, when its content may still change.

    Raises:
        NotFound: no such pack. Conflict: the pack was discarded.
    """
    pack = repository.pack(pack_id)
    if pack is None:
        raise NotFound(f"no content pack {pack_id}")
    if pack.status == PackStatus.DISCARDED:
        raise Conflict(f"content pack {pack_id} was discarded; generate a new one")
    return pack


def written_columns(section: WrittenSection) -> dict[str, object]:
    """The copy, who wrote it, with which prompt, and any fallback."""
    return {
        "fields": section.fields,
        "writer": section.writer,
        "prompt_version": section.prompt_version,
        "fallback_reason": section.fallback_reason,
    }


def content_pack(pack: PackRow, rows: list[ContentItemRow]) -> ContentPack:
    brief_version_id = BriefVersionId.parse(pack.brief_version_id)
    strategy_version_id = StrategyVersionId.parse(pack.strategy_version_id)
    return ContentPack(
        pack_id=PackId.parse(pack.id),
        client_name=pack.client_name,
        status=PackStatus(pack.status),
        brief_version_id=brief_version_id,
        strategy_version_id=strategy_version_id,
        created_at=pack.created_at,
        items=[
            ContentItem(
                item_id=row.id,
                kind=ContentKind(row.kind),
                position=row.position,
                platform=row.platform,
                scheduled_on=row.scheduled_on,
                scheduled_time=row.scheduled_time,
                fields=row.fields,
                brief_version_id=brief_version_id,
                strategy_version_id=strategy_version_id,
                revision=row.revision,
                writer=row.writer,
                prompt_version=row.prompt_version,
                fallback_reason=row.fallback_reason,
            )
            for row in rows
        ],
    )
