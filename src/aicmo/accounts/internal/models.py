"""Accounts' tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from aicmo.platform.db import UtcDateTime, module_base
from aicmo.platform.events import define_outbox

OWNER = "accounts"
"""This module: the only one whose sessions (`session_for(OWNER)`) may write these tables."""
AccountsBase = module_base(OWNER)
AccountsOutbox = define_outbox(AccountsBase)


class UserRow(AccountsBase):
    __tablename__ = "accounts_users"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    client: Mapped[str | None] = mapped_column(String(200), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    session_version: Mapped[int] = mapped_column(Integer)
    disabled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class TokenRow(AccountsBase):
    __tablename__ = "accounts_tokens"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(20), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    """sha256 of the whole token: tokens are random enough that a slow hash adds nothing."""
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)


class FailedSignInRow(AccountsBase):
    """A wrong password for an account from an address: what the sign-in rate limit counts."""

    __tablename__ = "accounts_failed_sign_ins"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), index=True)
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class AuditRow(AccountsBase):
    __tablename__ = "accounts_audit"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str | None] = mapped_column(String(320), nullable=True)
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(64), nullable=True)
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(400))
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)


class ReviewLinkRow(AccountsBase):
    """A client's review link; its signed token is made from these columns and never stored."""

    __tablename__ = "accounts_review_links"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    run_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    client: Mapped[str] = mapped_column(String(200))
    pack_digest: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str | None] = mapped_column(String(320), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    sent_to: Mapped[str | None] = mapped_column(String(320), nullable=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    decision_comment: Mapped[str | None] = mapped_column(Text, nullable=True)


class ReviewCommentRow(AccountsBase):
    __tablename__ = "accounts_review_comments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    link_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts_review_links.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    item_label: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
