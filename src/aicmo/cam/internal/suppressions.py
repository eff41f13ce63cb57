"""The suppression list: addresses and whole domains that never receive mail."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from aicmo.cam.internal.inserts import insert_for
from aicmo.cam.internal.lead_fields import email_key
from aicmo.cam.internal.models import SuppressionRow


def suppress(session: Session, value: str, reason: str, at: dt.datetime) -> bool:
    """Add an address (or a domain, without @) once; False when it was on the list already.

    An upsert, so concurrent requests for one address (a link clicked twice, a mail client
    and its user) both succeed. On SQLite this write, coming first, takes the write lock.
    """
    statement = (
        insert_for(session)(SuppressionRow)
        .values(id=uuid.uuid4(), value=email_key(value), reason=reason, created_at=at)
        .on_conflict_do_nothing(index_elements=["value"])
        .returning(SuppressionRow.id)
    )
    return session.scalar(statement) is not None


def is_suppressed(key: str, suppressed: set[str]) -> bool:
    """Whether the address (its `email_key`) or its domain is on the list of keys `suppressed`."""
    return key in suppressed or key.rpartition("@")[2] in suppressed
