"""Imported leads as the database driver takes them: an INSERT, written out in full, and
a tuple per lead. What is the same for every lead of an import (campaign, stage, source,
time, the ICP rules) is converted once, not once per row."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.internal.models import LeadRow
from aicmo.cam.internal.scoring import Scorer

LEAD_FIELDS = (
    "email",
    "email_key",
    "first_name",
    "last_name",
    "company",
    "title",
    "website",
    "industry",
    "location",
    "company_size",
)
"""The columns between `campaign_id` and `stage` in the INSERT, taken from the lead."""
_COLUMNS = 18
"""How many columns the INSERT fills."""
PAGE_CACHE_KIB = 65_536
"""SQLite's page cache while an import writes. The default 2 MB is soon outgrown by the
unique index of a large import, written at random places: every insert would read pages back."""


@contextmanager
def import_page_cache(session: Session) -> Iterator[None]:
    """On SQLite, a larger page cache for this session's connection while the block runs."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


class NewLeads:
    """Stores the leads of one import into one campaign, at NEW, scored by the import's scorer."""

    def __init__(self, session: Session, campaign_id: uuid.UUID, scorer: Scorer, source: str, now: dt.datetime) -> None:
        self._connection = session.connection()
        dialect = self._connection.dialect
        self._values = ", ".join(["?" if dialect.paramstyle == "qmark" else "%s"] * _COLUMNS)
        self._campaign_id = _bind(dialect, "campaign_id")(campaign_id)
        self._stage = _bind(dialect, "stage")(LeadStage.NEW)
        self._source = _bind(dialect, "source")(source)
        self._bind_time = _bind(dialect, "created_at")
        self._now = now
        self._stored = 0
        self._scorer = scorer

    def store(self, leads: list[dict[str, str | None]]) -> int:
        """Insert `leads`, skipping the emails the campaign has already; how many were stored.

        The table is named literally, so the architecture check and the ownership guard
        both see what this writes; the database counts what it stored."""
        rows = [
            (
                lead_id,
                self._campaign_id,
                *map(lead.get, LEAD_FIELDS),
                self._stage,
                *self._scorer.columns(lead),
                self._source,
                created_at,
            )
            for lead_id, lead, created_at in zip(random_ids(len(leads)), leads, self._times(len(leads)), strict=True)
        ]
        statement = (
            "INSERT INTO cam_leads (id, campaign_id, email, email_key, first_name, last_name, company, title,"
            " website, industry, location, company_size, stage, score, grade, score_reasons, source, created_at)"
            f" VALUES ({self._values})"
            " ON CONFLICT (campaign_id, email_key) DO NOTHING"
        )
        return self._connection.exec_driver_sql(statement, rows).rowcount

    def _times(self, count: int) -> list[Any]:
        """The next `count` leads' times, each a microsecond after the one before: the file's
        order is the table's, and the indexes that sort by time (or by score, then time) take
        an import's rows at their end rather than at random places, as the random ids would put them."""
        first, self._stored = self._stored, self._stored + count
        return [self._bind_time(self._now + dt.timedelta(microseconds=n)) for n in range(first, first + count)]


def random_ids(count: int) -> list[str]:
    """`count` random (version 4) UUIDs as 32 hex digits, the form SQLite stores and Postgres
    reads as a uuid; made together, several times faster than `uuid4()` one by one."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(byte & 0x0F | 0x40 for byte in raw[6::16])
    raw[8::16] = bytes(byte & 0x3F | 0x80 for byte in raw[8::16])
    digits = raw.hex()
    return [digits[start : start + 32] for start in range(0, 32 * count, 32)]


def _bind(dialect: Any, column: str) -> Callable[[Any], Any]:
    """How SQLAlchemy converts a value of `column` for this database's driver."""
    process = LeadRow.__table__.c[column].type.dialect_impl(dialect).bind_processor(dialect)
    return process or _as_is


def _as_is(value: Any) -> Any:
    return value
