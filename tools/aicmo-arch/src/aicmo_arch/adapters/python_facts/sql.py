"""Which tables a SQL text writes, read with sqlglot."""

from __future__ import annotations

import re

DYNAMIC = "__aicmo_dynamic__"
"""Stands in for the run-time parts of an f-string or concatenation."""

_WRITE_START = re.compile(
    r"^\s*(?:WITH\b.*?\)\s*)?(INSERT|UPDATE|DELETE|MERGE|REPLACE|UPSERT|TRUNCATE|ALTER|DROP)\b", re.I | re.S
)


def is_write(sql: str) -> bool:
    return any(_WRITE_START.match(part) for part in sql.split(";"))


def sql_targets(sql: str) -> list[str] | None:
    """Tables written by `sql`, lower-case, without schema; `DYNAMIC` marks a run-time name.
    None when sqlglot cannot read the statement or finds no table in it.

    sqlglot is imported here, not at the top: a check whose files are all cached never needs it.
    """
    import sqlglot
    from sqlglot import exp

    writes = (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Drop, exp.Alter, exp.TruncateTable)
    normalized = re.sub(r"^\s*(REPLACE|UPSERT)\s+INTO", "INSERT INTO", sql, flags=re.I)
    try:
        statements = sqlglot.parse(normalized)
    except sqlglot.errors.SqlglotError:
        return None
    tables = []
    for statement in statements:
        if isinstance(statement, writes):
            targets = statement.expressions if isinstance(statement, exp.TruncateTable) else [statement.this]
            tables += [table.name.lower() for target in targets if (table := _table(target)) is not None]
    return tables or None


def _table(target: object) -> object:
    from sqlglot import exp

    return target if isinstance(target, exp.Table) else target.find(exp.Table) if target else None
