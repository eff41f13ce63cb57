"""The leads table's cursor: where a page ended, readable only by a page of the same sort."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid

from aicmo.cam.api.dtos import LeadSort
from aicmo.cam.internal.lead_table import ORDERS
from aicmo.cam.internal.models import LeadRow
from aicmo.kernel.errors import InvalidInput, Problem


def cursor_after(sort: LeadSort, last: LeadRow) -> str:
    """The cursor of a page of `sort` whose last lead is `last`."""
    values = [_as_json(value) for value in ORDERS[sort].key_of(last)]
    return base64.urlsafe_b64encode(json.dumps([sort.value, *values]).encode()).decode().rstrip("=")


def position_of(sort: LeadSort, cursor: str) -> tuple[object, ...]:
    """The sort key the cursor's page ended at; refused, naming `cursor`, unless a page of `sort` made it."""
    keys = ORDERS[sort].keys
    try:
        made_by, *values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if made_by != sort.value or len(values) != len(keys):
            raise ValueError(made_by)
        return tuple(_from_json(value, key) for value, key in zip(values, keys, strict=True))
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise InvalidInput(
            "the cursor is not one a page gave",
            [Problem("cursor", "follow the Next link of a page, or start again from the first page")],
        ) from None


def _as_json(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value.hex if isinstance(value, uuid.UUID) else value


def _from_json(value: object, key: str) -> object:
    if key == "created_at":
        at = dt.datetime.fromisoformat(str(value))
        if at.tzinfo is None:
            raise ValueError(value)
        return at
    if key == "id":
        return uuid.UUID(hex=str(value))
    if type(value) is not int:
        raise ValueError(value)
    return value
