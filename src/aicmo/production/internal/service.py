"""Production's use cases behind the ContentProduction port."""

from __future__ import annotations

from sqlalchemy import select

from aicmo.creatives.api import BriefFacts, SectionSpec, Writer
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.onboarding.api import Brief, BriefRecord
from aicmo.platform.db import Database
from aicmo.platform.events import outbox_entry
from aicmo.production.api.dtos import ContentItem, ContentItemId, ContentKind, ContentPack, PackId, PackStatus
from aicmo.production.api.events import ContentRevised, DraftReady
from aicmo.production.internal.distinctness import WrittenSoFar
from aicmo.production.internal.facts import brief_facts
from aicmo.production.internal.models import ContentItemRow, PackRow, ProductionOutbox
from aicmo.production.internal.pack_plan import PlannedItem, pack_plan, plan_items
from aicmo.production.internal.utm import link_for
from aicmo.strategy.api import Strategy

OWNER = "production"
_NEEDS_DISCLAIMER = {ContentKind.CALENDAR_ENTRY, ContentKind.SOCIAL_POST, ContentKind.EMAIL, ContentKind.AD, ContentKind.LANDING_PAGE}
_WITH_HASHTAGS = {ContentKind.CALENDAR_ENTRY, ContentKind.SOCIAL_POST}
_WRITTEN_FIRST = {ContentKind.LANDING_PAGE: 0, ContentKind.BLOG_OUTLINE: 1, ContentKind.EMAIL: 2, ContentKind.AD: 3}
"""The one-off pieces are written first, so they show the brief's proof and offers and the posts take other wordings."""
_MAX_VARIANTS = 8
_MAX_MODEL_VARIANTS = 2
"""A model is asked for another wording at most this often: each ask is a paid call."""
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
        so_far = WrittenSoFar(exempt=facts.disclaimers)
        written: list[dict[str, str]] = [{} for _ in planned]
        for n in sorted(range(len(planned)), key=lambda n: _WRITTEN_FIRST.get(planned[n].kind, len(_WRITTEN_FIRST))):
            written[n] = self._write(planned[n], facts, brief.brief, so_far, request_key=key)
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
                fields=fields,
                revision=1,
            )
            for position, (item, fields) in enumerate(zip(planned, written, strict=True))
        ]
        with self._db.session_for(OWNER) as session:
            session.add(pack)
            session.flush()
            session.add_all(rows)
            session.add(outbox_entry(ProductionOutbox, DraftReady(pack_id=pack.id, item_count=len(rows))))
        return _pack(pack, rows)

    def _write(
        self,
        item: PlannedItem,
        facts: BriefFacts,
        brief: Brief,
        so_far: WrittenSoFar,
        *,
        request_key: str | None,
        first_variant: int = 0,
        notes: list[str] = (),
        round_: int = 0,
    ) -> dict[str, str]:
        """Write one item; ask for other wordings while it echoes an earlier one."""
        form = pack_plan().platforms.get(item.platform or "")
        spec = SectionSpec(
            kind=item.kind.value,
            platform=item.platform,
            index=item.index,
            variant=first_variant,
            link=link_for(brief, item.kind, item.platform),
            hashtags=form.hashtags if form and item.kind in _WITH_HASHTAGS else 0,
            max_chars=form.max_chars if form and item.kind in _WITH_HASHTAGS | {ContentKind.AD} else None,
            needs_disclaimer=item.kind in _NEEDS_DISCLAIMER,
            revision_notes=list(notes),
            request_key=request_key,
            round=round_,
            avoid=so_far.avoid(in_sequence=item.kind == ContentKind.EMAIL),
        )
        written = self._writer.write(spec, facts)
        fields = dict(written.fields)
        tries = _MAX_VARIANTS if written.writer == "template" else _MAX_MODEL_VARIANTS
        for variant in range(first_variant + 1, first_variant + tries):
            if not so_far.echoes(fields):
                break
            fields = dict(self._writer.write(spec.model_copy(update={"variant": variant}), facts).fields)
        so_far.remember(fields, in_sequence=item.kind == ContentKind.EMAIL)
        if item.kind in _WITH_HASHTAGS and form:
            fields["format_note"] = form.note
        return fields

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
                    so_far.remember(row.fields)
            revised = []
            for row in rows:
                if row.id in notes:
                    row.fields = self._write(
                        planned[row.position],
                        facts,
                        brief.brief,
                        so_far,
                        request_key=key,
                        first_variant=_REVISION_STRIDE * row.revision,
                        notes=notes[row.id],
                        round_=row.revision,
                    )
                    row.revision += 1
                    revised.append(row.id)
            if key is not None:
                pack.revision_keys = [*pack.revision_keys, key]
            session.add(outbox_entry(ProductionOutbox, ContentRevised(pack_id=pack.id, item_ids=revised)))
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
            )
            for row in rows
        ],
    )
