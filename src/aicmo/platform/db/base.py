"""One declarative base per module; its metadata records which module owns its tables."""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def module_base(owner: str) -> type[DeclarativeBase]:
    """Return a fresh declarative base whose tables all belong to `owner`."""
    metadata = MetaData(naming_convention=NAMING_CONVENTION, info={"owner": owner})
    return type(f"{owner.title()}Base", (DeclarativeBase,), {"metadata": metadata, "__abstract__": True})


def owner_of_metadata(metadata: MetaData) -> str:
    owner = metadata.info.get("owner")
    if not owner:
        raise ValueError("metadata has no owner: build the module's base with module_base(owner)")
    return str(owner)
