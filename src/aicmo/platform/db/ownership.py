"""Rule R5 at run time: a statement that writes a table of another module raises.

One listener on the engine sees every statement on its way to the driver — ORM flushes,
Core insert/update/delete, `text()` and `exec_driver_sql` alike — reads the table it
writes from the SQL and compares that table's owner with the owner of the connection.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine, event

from aicmo.kernel.errors import OwnershipViolation

OWNER_OPTION = "aicmo_owner"

_IDENT = r"""(?:"[^"]+"|`[^`]+`|\[[^\]]+\]|[\w$]+)"""
_WRITE = re.compile(
    r"(?:^|;)\s*(?:WITH\b.*?\)\s*)?"
    r"(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPSERT\s+INTO|MERGE\s+INTO"
    r"|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?(?:\s+ONLY)?"
    r"|ALTER\s+TABLE(?:\s+IF\s+EXISTS)?(?:\s+ONLY)?|DROP\s+TABLE(?:\s+IF\s+EXISTS)?)"
    rf"\s+((?:{_IDENT}\s*\.\s*)*{_IDENT})",
    re.IGNORECASE | re.DOTALL,
)
_READ_ONLY_PREFIXES = ("SELECT", "PRAGMA", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "SHOW", "SET ")


def written_tables(sql: str) -> list[str]:
    """The tables a SQL text writes, unquoted and without schema, in order of appearance."""
    head = sql.lstrip()[:9].upper()
    if head.startswith(_READ_ONLY_PREFIXES):
        return []
    tables = []
    for match in _WRITE.finditer(sql.lstrip()):
        name = re.split(r"\s*\.\s*", match.group(1))[-1]
        tables.append(name.strip('"`[]').lower())
    return tables


def install_ownership_guard(engine: Engine, table_owners: Mapping[str, str], *, privileged: str) -> None:
    """Raise OwnershipViolation before any statement writes a table its connection's owner does not own."""

    def check(conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool) -> None:
        owner = conn.get_execution_options().get(OWNER_OPTION)
        if owner == privileged:
            return
        for table in written_tables(statement):
            table_owner = table_owners.get(table)
            if table_owner is None or table_owner != owner:
                raise OwnershipViolation(table, table_owner, owner)

    event.listen(engine, "before_cursor_execute", check)
