"""Accounts' users, tokens, failed sign-ins and audit log in memory."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.accounts.internal.models import AuditRow, FailedSignInRow, TokenRow, UserRow


class FakeAccountsRepository:
    def __init__(self) -> None:
        self.rows: list[UserRow | TokenRow | FailedSignInRow | AuditRow] = []

    def _of(self, kind: type) -> list:
        return [row for row in self.rows if isinstance(row, kind)]

    def add(self, row: UserRow | TokenRow | FailedSignInRow | AuditRow) -> None:
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

    def forget_failed_sign_ins(self, email: str, address: str) -> None:
        self.rows = [
            row
            for row in self.rows
            if not (isinstance(row, FailedSignInRow) and row.email == email and row.address == address)
        ]

    def audit(self, limit: int, target: str | None = None) -> list[AuditRow]:
        about = [row for row in self._of(AuditRow) if target is None or row.target == target]
        return sorted(about, key=lambda row: row.at, reverse=True)[:limit]
