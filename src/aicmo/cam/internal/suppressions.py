"""The suppression list: addresses and whole domains that never receive mail."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.cam.internal.models import SuppressionRow


def suppression_key(value: str) -> str:
    return value.strip().casefold()


def suppress(session: Session, value: str, reason: str, at: dt.datetime) -> bool:
    """Add an address (or a domain, without @) once; False when it was on the list already."""
    key = suppression_key(value)
    if session.scalar(select(SuppressionRow.id).where(SuppressionRow.value == key)) is not None:
        return False
    session.add(SuppressionRow(id=uuid.uuid4(), value=key, reason=reason, created_at=at))
    return True


def is_suppressed(email: str, suppressed: set[str]) -> bool:
    """Whether the address or its domain is on the list (`suppressed` holds the keys)."""
    key = suppression_key(email)
    return key in suppressed or key.rpartition("@")[2] in suppressed
