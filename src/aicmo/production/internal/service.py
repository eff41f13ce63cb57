"""Production's use cases behind the ContentProduction port."""

from __future__ import annotations

from sqlalchemy import select

from aicmo.creatives.api import Writer, WrittenSection
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.onboarding.api import BriefRecord
from aicmo.platform.db import Database
from aicmo.platform.events import outbox_entry
from aicmo.production.api.dtos import ContentItem, ContentItemId, ContentKind, ContentPack, PackId, PackStatus
from aicmo.production.api.events import ContentRevised, DraftReady
from aicmo.production.internal.distinctness import WrittenSoFar
from aicmo.production.internal.drafting import Drafting, Job, reads_in_sequence
from aicmo.production.internal.facts import brief_facts
from aicmo.production.internal.models import OWNER, ContentItemRow, PackRow, ProductionOutbox
from aicmo.production.internal.pack_plan import plan_items
from aicmo.strategy.api import Strategy

_WRITTEN_FIRST = {ContentKind.LANDING_PAGE: 0, ContentKind.BLOG_OUTLINE: 1, ContentKind.EMAIL: 2, ContentKind.AD: 3}
"""The one-off pieces are written first, so they show the brief's proof and offers and the posts take other wordings."""
_REVISION_STRIDE = 11
"""A revision starts its wording this many variants further on, away from the rejected one."""


class ProductionService:
    def __init__(self, db: Database, clock: Clock, writer: Writer) -> None:
        self._db = db
        self._clock = clock
        self._writer = writer

    def generate_pack(self, brief: BriefRecord, strategy: Strategy, *, key: str | None = None) -> ContentPack:
        if key is not None and (earlier := self._by_key(key)) is not None:
            return earlier
        facts = brief_facts(brief.brief, brief.facts, strategy.big_idea)
        planned = plan_items(brief.brief, strategy, weekdays_only=facts.b2b)
        order = sorted(range(len(planned)), key=lambda n: _WRITTEN_FIRST.get(planned[n].kind, len(_WRITTEN_FIRST)))
        drafting = Drafting(self._writer, facts, brief.brief, key)
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
            created_at=self._clock.now(),
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
                **_written_columns(written[position]),
            )
            for position, item in enumerate(planned)
        ]
        with self._db.session_for(OWNER) as session:
            session.add(pack)
            session.flush()
            session.add_all(rows)
            session.add(outbox_entry(ProductionOutbox, DraftReady(pack_id=pack.id, item_count=len(rows))))
        return _pack(pack, rows)

    def _by_key(self, key: str) -> ContentPack | None:
        with self._db.session_for(OWNER) as session:
            pack = session.scalar(select(PackRow).where(PackRow.request_key == key))
        return None if pack is None else self.get_pack(PackId.parse(pack.id))

    def revise(
        self, brief: BriefRecord, strategy: Strategy, pack_id: PackId, notes: dict[ContentItemId, list[str]], *, key: str | None = None
    ) -> ContentPack:
        facts = brief_facts(brief.brief, brief.facts, strategy.big_idea)
        planned = plan_items(brief.brief, strategy, weekdays_only=facts.b2b)
        with self._db.session_for(OWNER) as session:
            pack = session.get(PackRow, pack_id)
            if pack is None:
                raise NotFound(f"no content pack {pack_id}")
            if pack.status == PackStatus.DISCARDED:
                raise Conflict(f"content pack {pack_id} was discarded; generate a new one")
            rows = list(session.scalars(select(ContentItemRow).where(ContentItemRow.pack_id == pack_id).order_by(ContentItemRow.position)))
            if key is not None and key in pack.revision_keys:
                return _pack(pack, rows)
            so_far = WrittenSoFar(exempt=facts.disclaimers)
            for row in rows:
                if row.id not in notes:
                    so_far.remember(row.fields, in_sequence=reads_in_sequence(ContentKind(row.kind)))
            revised = [row for row in rows if row.id in notes]
            jobs = [
                Job(planned[row.position], _REVISION_STRIDE * row.revision, notes=tuple(notes[row.id]), round=row.revision)
                for row in revised
            ]
            drafting = Drafting(self._writer, facts, brief.brief, key)
            for row, section in zip(revised, drafting.write(jobs, so_far), strict=True):
                for column, value in _written_columns(section).items():
                    setattr(row, column, value)
                row.revision += 1
            if key is not None:
                pack.revision_keys = [*pack.revision_keys, key]
            revision = ContentRevised(pack_id=pack.id, item_ids=[row.id for row in revised])
            session.add(outbox_entry(ProductionOutbox, revision))
            return _pack(pack, rows)

    def get_pack(self, pack_id: PackId) -> ContentPack:
        with self._db.session_for(OWNER) as session:
            pack = session.get(PackRow, pack_id)
            if pack is None:
                raise NotFound(f"no content pack {pack_id}")
            rows = session.scalars(
                select(ContentItemRow).where(ContentItemRow.pack_id == pack_id).order_by(ContentItemRow.position)
            ).all()
            return _pack(pack, list(rows))

    def discard(self, pack_id: PackId) -> None:
        with self._db.session_for(OWNER) as session:
            pack = session.get(PackRow, pack_id)
            if pack is not None and pack.status != PackStatus.DISCARDED:
                pack.status = PackStatus.DISCARDED
                pack.discarded_at = self._clock.now()


def _written_columns(section: WrittenSection) -> dict[str, object]:
    """What an item row keeps of a written section: the copy, who wrote it, with which prompt, and any fallback."""
    return {
        "fields": section.fields,
        "writer": section.writer,
        "prompt_version": section.prompt_version,
        "fallback_reason": section.fallback_reason,
    }


def _pack(pack: PackRow, rows: list[ContentItemRow]) -> ContentPack:
    return ContentPack(
        pack_id=PackId.parse(pack.id),
        client_name=pack.client_name,
        status=PackStatus(pack.status),
        brief_version_id=pack.brief_version_id,
        strategy_version_id=pack.strategy_version_id,
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
                brief_version_id=pack.brief_version_id,
                strategy_version_id=pack.strategy_version_id,
                revision=row.revision,
                writer=row.writer,
                prompt_version=row.prompt_version,
                fallback_reason=row.fallback_reason,
            )
            for row in rows
        ],
    )
