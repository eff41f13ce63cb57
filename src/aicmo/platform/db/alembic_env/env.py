"""Alembic environment: runs on the connection that `aicmo.platform.db.migrations` opens."""

from __future__ import annotations

from alembic import context
from sqlalchemy import MetaData

from aicmo.platform.db.types import UtcDateTime

config = context.config
metadatas: tuple[MetaData, ...] = config.attributes["metadatas"]
only_owner: str | None = config.attributes.get("only_owner")


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001 - alembic's hook signature
    if type_ != "table" or only_owner is None:
        return True
    table = obj if not reflected else compare_to
    if table is None:
        return bool(name and name.startswith(f"{only_owner}_"))
    return table.metadata.info.get("owner") == only_owner


def render_item(type_, obj, autogen_context):  # noqa: ANN001 - alembic's hook signature
    if type_ == "type" and isinstance(obj, UtcDateTime):
        autogen_context.imports.add("from aicmo.platform.db import UtcDateTime")
        return "UtcDateTime()"
    return False


context.configure(
    connection=config.attributes["connection"],
    target_metadata=list(metadatas),
    include_object=include_object,
    render_item=render_item,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
