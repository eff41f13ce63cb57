"""The base of every domain event that crosses a module boundary."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from aicmo.kernel.clock import utc_now


class DomainEvent(BaseModel):
    """Something that happened, named in the past tense, immutable once made."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_id: uuid.UUID = Field(default_factory=uuid.uuid4)
    occurred_at: datetime = Field(default_factory=utc_now)
    correlation_id: uuid.UUID | None = None
    causation_id: uuid.UUID | None = None

    @classmethod
    def event_type(cls) -> str:
        return cls.__name__
