"""Generate a pack: every item the brief's plan asks for, written, then stored with `DraftReady`."""

from __future__ import annotations

from aicmo.creatives.api import Writer
from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import BriefRecord
from aicmo.production.api.dtos import ContentItemId, ContentPack, PackId, PackStatus
from aicmo.production.api.events import DraftReady
from aicmo.production.internal.distinctness import WrittenSoFar
from aicmo.production.internal.drafting import Drafting, Job, writing_rank
from aicmo.production.internal.facts import brief_facts
from aicmo.production.internal.models import ContentItemRow, PackRow
from aicmo.production.internal.pack_plan import plan_items
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory
from aicmo.production.internal.packs import content_pack, written_columns
from aicmo.strategy.api import Strategy


def generate_pack(
    uow: ProductionUnitOfWorkFactory,
    clock: Clock,
    writer: Writer,
    brief: BriefRecord,
    strategy: Strategy,
    key: str | None,
) -> ContentPack:
    """A second call with the same `key` returns the pack the first one stored, and writes nothing."""
    if key is not None:
        with uow() as unit:
            earlier = unit.repository.pack_for_key(key)
            if earlier is not None:
                return content_pack(earlier, unit.repository.items_of(earlier.id))
    facts = brief_facts(brief.brief, brief.facts, strategy.big_idea)
    planned = plan_items(brief.brief, strategy, weekdays_only=facts.b2b)
    order = sorted(range(len(planned)), key=lambda n: writing_rank(planned[n].kind))
    drafting = Drafting(writer, facts, brief.brief, key)
    in_order = drafting.write([Job(planned[n]) for n in order], WrittenSoFar(exempt=facts.disclaimers))
    written = dict(zip(order, in_order, strict=True))
    pack = PackRow(
        id=PackId.new(),
        client_name=brief.client_name,
        brief_version_id=brief.version_id,
        strategy_version_id=strategy.version_id,
        status=PackStatus.DRAFT,
        request_key=key,
        revision_keys=[],
        created_at=clock.now(),
    )
    rows = [
        ContentItemRow(
            id=ContentItemId.new(),
            pack_id=pack.id,
            kind=item.kind,
            position=position,
            platform=item.platform,
            scheduled_on=item.scheduled_on,
            scheduled_time=item.scheduled_time,
            revision=1,
            **written_columns(written[position]),
        )
        for position, item in enumerate(planned)
    ]
    with uow() as unit:
        unit.repository.add(pack, rows)
        unit.publish(DraftReady(pack_id=pack.id, item_count=len(rows)))
        unit.commit()
    return content_pack(pack, rows)
