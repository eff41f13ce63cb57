"""What crosses the gateways boundary: files, emails and webhook calls, and what came of them."""

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


class EmailMessage(BaseModel):
    model_config = ConfigDict(frozen=True)

    to: str
    subject: str
    body: str
    attachments: list[OutgoingFile] = []
    headers: dict[str, str] = {}
    """Extra headers, e.g. List-Unsubscribe or an idempotency key."""


class WebhookCall(BaseModel):
    model_config = ConfigDict(frozen=True)

    url: str
    body: bytes
    """JSON; signed with HMAC-SHA256 by the poster."""
    idempotency_key: str
