"""Accounts' users, tokens, failed sign-ins, audit log and review links in memory."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.accounts.api import AuditQuery
from aicmo.accounts.internal.models import AuditRow, FailedSignInRow, ReviewCommentRow, ReviewLinkRow, TokenRow, UserRow
from aicmo.platform.db.keyset import position


class FakeAccountsRepository:
    def __init__(self) -> None:
        self.rows: list[UserRow | TokenRow | FailedSignInRow | AuditRow | ReviewLinkRow | ReviewCommentRow] = []

    def _of(self, kind: type) -> list:
        return [row for row in self.rows if isinstance(row, kind)]

    def add(self, row: UserRow | TokenRow | FailedSignInRow | AuditRow | ReviewLinkRow | ReviewCommentRow) -> None:
        self.rows.append(row)

    def user(self, user_id: uuid.UUID) -> UserRow | None:
        return next((row for row in self._of(UserRow) if row.id == user_id), None)

    def user_by_email(self, email: str) -> UserRow | None:
        return next((row for row in self._of(UserRow) if row.email == email), None)

    def users(self) -> list[UserRow]:
        return sorted(self._of(UserRow), key=lambda row: row.email)

    def token_by_prefix(self, prefix: str) -> TokenRow | None:
        return next((row for row in self._of(TokenRow) if row.prefix == prefix), None)

    def tokens(self) -> list[TokenRow]:
        return sorted(self._of(TokenRow), key=lambda row: row.created_at, reverse=True)

    def failed_sign_ins(self, email: str, address: str, since: dt.datetime) -> list[FailedSignInRow]:
        return [
            row for row in self._of(FailedSignInRow) if row.email == email and row.address == address and row.at > since
        ]

    def forget_failed_sign_ins(self, email: str, address: str | None = None) -> None:
        self.rows = [
            row
            for row in self.rows
            if not (isinstance(row, FailedSignInRow) and row.email == email and address in (None, row.address))
        ]

    def audit(self, limit: int, target: str | None = None) -> list[AuditRow]:
        about = [row for row in self._of(AuditRow) if target is None or row.target == target]
        return sorted(about, key=lambda row: row.at, reverse=True)[:limit]

    def audit_page(self, query: AuditQuery) -> list[AuditRow]:
        before = position(query.cursor) if query.cursor else None
        rows = [
            row
            for row in self._of(AuditRow)
            if (
                not query.action
                or row.action == query.action
                or (query.action.endswith(".") and row.action.startswith(query.action))
            )
            and (not query.actor or (row.actor or "").lower() == query.actor.lower())
            and (before is None or (row.at, row.id) < before)
        ]
        return sorted(rows, key=lambda row: (row.at, row.id), reverse=True)[: query.limit + 1]

    def audit_actions(self) -> list[str]:
        return sorted({row.action for row in self._of(AuditRow)})

    def review_link(self, link_id: uuid.UUID) -> ReviewLinkRow | None:
        return next((row for row in self._of(ReviewLinkRow) if row.id == link_id), None)

    def review_links_of_run(self, run_id: uuid.UUID) -> list[ReviewLinkRow]:
        return sorted(
            (row for row in self._of(ReviewLinkRow) if row.run_id == run_id),
            key=lambda row: row.created_at,
            reverse=True,
        )

    def review_comments(self, link_id: uuid.UUID) -> list[ReviewCommentRow]:
        return sorted(
            (row for row in self._of(ReviewCommentRow) if row.link_id == link_id), key=lambda row: row.position
        )
