"""The declarative base of each module."""

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase


def module_base(owner: str) -> type[DeclarativeBase]:
    return type(owner, (DeclarativeBase,), {"metadata": MetaData(info={"owner": owner}), "__abstract__": True})
