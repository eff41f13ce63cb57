"""Typed UUID ids: a `BriefId` is never accepted where a `RunId` is expected by a reader.

Each module declares its own id types in its `api/dtos.py` by subclassing `TypedId`.
"""

from __future__ import annotations

import uuid
from typing import Any, Self

from pydantic_core import core_schema


class TypedId(uuid.UUID):
    """A UUID whose class names what it identifies."""

    __slots__ = ()

    @classmethod
    def new(cls) -> Self:
        return cls(int=uuid.uuid4().int)

    @classmethod
    def parse(cls, value: str | uuid.UUID) -> Self:
        """Accept a UUID or its text; raise ValueError naming the id type otherwise. An id already
        of this type is returned as it is (ids are immutable), so a DTO built from typed ids does
        not copy each one."""
        if type(value) is cls:
            return value
        if isinstance(value, uuid.UUID):
            return cls(int=value.int)
        try:
            return cls(str(value).strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a valid {cls.__name__} (expected a UUID)") from None

    def __repr__(self) -> str:
        return f"{type(self).__name__}('{self}')"

    @classmethod
    def __get_pydantic_core_schema__(cls, _source: Any, _handler: Any) -> core_schema.CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_plain_validator_function(cls.parse),
            python_schema=core_schema.no_info_plain_validator_function(cls.parse),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, _schema: Any, _handler: Any) -> dict[str, Any]:
        return {"type": "string", "format": "uuid", "title": cls.__name__}
