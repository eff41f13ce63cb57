"""Keyset pages, newest first: a page ends at a row's (timestamp, id), and the next page asks
for the rows before it. A page reads only its own rows through the timestamp's index, so the
thousandth page costs what the first does, and a row added meanwhile never shifts a page.

The cursor handed to a caller is opaque text; one that was not made here is refused with
the field named."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ColumnElement, literal, tuple_

from aicmo.kernel.errors import InvalidInput, Problem


def cursor_after(at: dt.datetime, key: uuid.UUID) -> str:
    """The cursor of the page that follows the row stamped `at` with id `key`."""
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{key.hex}".encode()).decode().rstrip("=")


def older_than(cursor: str, at_column: Any, key_column: Any) -> ColumnElement[bool]:
    """The condition for the rows after `cursor` in (timestamp, id) descending order, as a row
    value that the index seeks to (spelled with OR, SQLite read every row before the page).

    Raises:
        InvalidInput: naming the field `cursor`, when it is not one `cursor_after` made.
    """
    at, key = position(cursor)
    return tuple_(at_column, key_column) < tuple_(literal(at, at_column.type), literal(key, key_column.type))


def position(cursor: str) -> tuple[dt.datetime, uuid.UUID]:
    """The (timestamp, id) of the row a page ended at, for stores that filter without SQL.

    Raises:
        InvalidInput: naming the field `cursor`, when it is not one `cursor_after` made.
    """
    try:
        at_text, key_text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split("|")
        at = dt.datetime.fromisoformat(at_text)
        if at.tzinfo is None:
            raise ValueError(at_text)
        return at, uuid.UUID(hex=key_text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidInput(
            "the cursor is not one a page gave",
            [Problem("cursor", "pass the previous page's next_cursor as it was, or leave it out for the first page")],
        ) from None
