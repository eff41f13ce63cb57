"""The suppression list: addresses and whole domains that never receive mail."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.cam.internal.lead_fields import email_key
from aicmo.cam.internal.models import SuppressionRow


def suppress(session: Session, value: str, reason: str, at: dt.datetime) -> bool:
    """Add an address (or a domain, without @) once; False when it was on the list already."""
    key = email_key(value)
    if session.scalar(select(SuppressionRow.id).where(SuppressionRow.value == key)) is not None:
        return False
    session.add(SuppressionRow(id=uuid.uuid4(), value=key, reason=reason, created_at=at))
    return True


def is_suppressed(key: str, suppressed: set[str]) -> bool:
    """Whether the address (its `email_key`) or its domain is on the list of keys `suppressed`."""
    return key in suppressed or key.rpartition("@")[2] in suppressed
