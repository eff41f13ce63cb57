"""Revise a pack: rewrite the items named in the notes, each away from its rejected wording."""

from __future__ import annotations

from aicmo.creatives.api import Writer
from aicmo.onboarding.api import BriefRecord
from aicmo.production.api.dtos import ContentItemId, ContentKind, ContentPack, PackId
from aicmo.production.api.events import ContentRevised
from aicmo.production.internal.distinctness import WrittenSoFar
from aicmo.production.internal.drafting import Drafting, Job, reads_in_sequence, writing_rank
from aicmo.production.internal.facts import brief_facts
from aicmo.production.internal.pack_plan import plan_items
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory
from aicmo.production.internal.packs import changeable_pack, content_pack, written_columns
from aicmo.strategy.api import Strategy

_REVISION_STRIDE = 11
"""A revision starts its wording this many variants further on, away from the rejected one."""


def revise(
    uow: ProductionUnitOfWorkFactory,
    writer: Writer,
    brief: BriefRecord,
    strategy: Strategy,
    pack_id: PackId,
    notes: dict[ContentItemId, list[str]],
    key: str | None,
) -> ContentPack:
    """A revision already applied under the same `key` returns the pack as it is."""
    facts = brief_facts(brief.brief, brief.facts, strategy.big_idea)
    planned = plan_items(brief.brief, strategy, weekdays_only=facts.b2b)
    with uow() as unit:
        pack = changeable_pack(unit.repository, pack_id)
        rows = unit.repository.items_of(pack_id)
        if key is not None and key in pack.revision_keys:
            return content_pack(pack, rows)
        so_far = WrittenSoFar(exempt=facts.disclaimers)
        for row in rows:
            if row.id not in notes:
                so_far.remember(row.fields, in_sequence=reads_in_sequence(ContentKind(row.kind)))
        revised = sorted((row for row in rows if row.id in notes), key=lambda row: writing_rank(ContentKind(row.kind)))
        jobs = [
            Job(planned[row.position], _REVISION_STRIDE * row.revision, notes=tuple(notes[row.id]), round=row.revision)
            for row in revised
        ]
        for row, section in zip(revised, Drafting(writer, facts, brief.brief, key).write(jobs, so_far), strict=True):
            for column, value in written_columns(section).items():
                setattr(row, column, value)
            row.revision += 1
        if key is not None:
            pack.revision_keys = [*pack.revision_keys, key]
        unit.publish(ContentRevised(pack_id=pack.id, item_ids=[row.id for row in revised]))
        unit.commit()
        return content_pack(pack, rows)
