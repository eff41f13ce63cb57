"""Which tables a SQL text writes, read with sqlglot (the runtime guard's regex as a fallback)."""

from __future__ import annotations

import re

DYNAMIC = "__aicmo_dynamic__"
"""Stands in for the run-time parts of an f-string or concatenation."""

_WRITE_START = re.compile(
    r"^\s*(?:WITH\b.*?\)\s*)?(INSERT|UPDATE|DELETE|MERGE|REPLACE|UPSERT|TRUNCATE|ALTER|DROP)\b", re.I | re.S
)


def is_write(sql: str) -> bool:
    return any(_WRITE_START.match(part) for part in sql.split(";"))


def sql_targets(sql: str) -> list[str]:
    """Tables written by `sql`, lower-case, without schema; `DYNAMIC` marks a run-time name.

    sqlglot and SQLAlchemy are imported here, not at the top: a check whose files are all
    cached never needs them.
    """
    import sqlglot
    from sqlglot import exp

    from aicmo.platform.db.ownership import written_tables

    writes = (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Drop, exp.Alter, exp.TruncateTable)
    normalized = re.sub(r"^\s*(REPLACE|UPSERT)\s+INTO", "INSERT INTO", sql, flags=re.I)
    try:
        statements = sqlglot.parse(normalized)
    except sqlglot.errors.SqlglotError:
        return written_tables(sql)
    tables = []
    for statement in statements:
        if not isinstance(statement, writes):
            continue
        targets = statement.expressions if isinstance(statement, exp.TruncateTable) else [statement.this]
        for target in targets:
            table = target if isinstance(target, exp.Table) else target.find(exp.Table) if target else None
            if table is not None:
                tables.append(table.name.lower())
    return tables or written_tables(sql)
