"""Rows as the DTOs of accounts' api, and new audit rows."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.accounts.api.dtos import (
    Actor,
    ApiToken,
    AuditEntry,
    Channel,
    ReviewComment,
    ReviewDecision,
    ReviewLink,
    ReviewLinkId,
    Role,
    TokenId,
    User,
    UserId,
)
from aicmo.accounts.internal.models import AuditRow, ReviewCommentRow, ReviewLinkRow, TokenRow, UserRow


def user(row: UserRow) -> User:
    return User(
        user_id=UserId.parse(row.id),
        email=row.email,
        role=Role(row.role),
        client=row.client,
        disabled=row.disabled_at is not None,
        session_version=row.session_version,
        created_at=row.created_at,
    )


def token(row: TokenRow, owner: UserRow | None) -> ApiToken:
    return ApiToken(
        token_id=TokenId.parse(row.id),
        user_email=owner.email if owner else "?",
        name=row.name,
        prefix=row.prefix,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
        user_disabled=owner is not None and owner.disabled_at is not None,
    )


def audit_row(by: Actor, at: dt.datetime, action: str, target: str, detail: str | None = None) -> AuditRow:
    return AuditRow(
        id=uuid.uuid4(),
        at=at,
        actor=by.who,
        channel=by.channel.value,
        address=by.address,
        action=action,
        target=target,
        detail=detail,
    )


def audit_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        at=row.at,
        actor=row.actor,
        channel=Channel(row.channel),
        address=row.address,
        action=row.action,
        target=row.target,
        detail=row.detail,
    )


def review_link(row: ReviewLinkRow, comments: list[ReviewCommentRow]) -> ReviewLink:
    return ReviewLink(
        link_id=ReviewLinkId.parse(row.id),
        run_id=row.run_id,
        client=row.client,
        pack_digest=row.pack_digest,
        created_by=row.created_by,
        created_at=row.created_at,
        expires_at=row.expires_at,
        sent_to=row.sent_to,
        sent_at=row.sent_at,
        revoked_at=row.revoked_at,
        decision=ReviewDecision(row.decision) if row.decision else None,
        decided_at=row.decided_at,
        decision_comment=row.decision_comment,
        comments=[ReviewComment(item_id=c.item_id, item_label=c.item_label, text=c.text) for c in comments],
    )
