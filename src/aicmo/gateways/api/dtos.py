"""What crosses the gateways boundary: files to write and what was written."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class OutgoingFile(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    """A plain file name inside the target folder (no folders, no '..')."""
    content: bytes


class WrittenFile(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    path: str
    size: int
    sha256: str
