"""The leads table and the lead import of `FakeCamRepository`, as the SQL repository runs them:
the same filter, the same orders (ties broken by time, then id, as the indexes do), keyset
pages after a sort key, and an import that skips a campaign's known addresses."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.internal.lead_rows import LEAD_FIELDS
from aicmo.cam.internal.lead_table import LeadFilter, LeadOrder
from aicmo.cam.internal.models import LeadRow
from aicmo.cam.internal.scoring import Scorer


def keeps(filters: LeadFilter, lead: LeadRow) -> bool:
    """Whether `filters` keep the lead; a text matches part of the address or the company, in any case."""
    text = filters.text
    return (
        filters.campaign_id in (None, lead.campaign_id)
        and filters.stage in (None, lead.stage)
        and (filters.min_score is None or lead.score >= filters.min_score)
        and (filters.max_score is None or lead.score <= filters.max_score)
        and (not text or text in lead.email_key or text in (lead.company or "").lower())
    )


def page_of(
    leads: Iterable[LeadRow], filters: LeadFilter, order: LeadOrder, after: tuple[object, ...] | None, limit: int
) -> list[LeadRow]:
    """UUIDs compare as the databases sort them (SQLite's hex text, Postgres's bytes)."""
    kept = sorted((lead for lead in leads if keeps(filters, lead)), key=order.key_of, reverse=order.descending)
    if after is not None:
        kept = [lead for lead in kept if _beyond(order.key_of(lead), after, order.descending)]
    return kept[:limit]


def _beyond(key: tuple[object, ...], after: tuple[object, ...], descending: bool) -> bool:
    return key < after if descending else key > after


class FakeNewLeads:
    """One import's leads, stored into the repository's dictionary of leads."""

    def __init__(
        self, leads: dict[uuid.UUID, LeadRow], campaign_id: uuid.UUID, scorer: Scorer, source: str, now: dt.datetime
    ) -> None:
        self._leads = leads
        self._campaign_id = campaign_id
        self._scorer = scorer
        self._source = source
        self._now = now
        self._offered = 0
        self._known = {lead.email_key for lead in leads.values() if lead.campaign_id == campaign_id}

    def store(self, leads: list[dict[str, str | None]]) -> int:
        stored = 0
        for lead in leads:
            created_at = self._now + dt.timedelta(microseconds=self._offered)
            self._offered += 1
            if lead["email_key"] in self._known:
                continue
            self._known.add(str(lead["email_key"]))
            score, grade, reasons = self._scorer.columns(lead)
            row = LeadRow(
                id=uuid.uuid4(),
                campaign_id=self._campaign_id,
                **{name: lead.get(name) for name in LEAD_FIELDS},
                stage=LeadStage.NEW,
                score=score,
                grade=grade,
                score_reasons=json.loads(reasons),
                source=self._source,
                created_at=created_at,
            )
            self._leads[row.id] = row
            stored += 1
        return stored
