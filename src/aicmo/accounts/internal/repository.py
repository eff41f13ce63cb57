"""Accounts' storage as its use cases see it: users, tokens, failed sign-ins, the audit log."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Protocol

from aicmo.accounts.api.dtos import AuditQuery
from aicmo.accounts.internal.models import AuditRow, FailedSignInRow, ReviewCommentRow, ReviewLinkRow, TokenRow, UserRow
from aicmo.platform.db.unit_of_work import UnitOfWork, UnitOfWorkFactory


class AccountsRepository(Protocol):
    def add(self, row: UserRow | TokenRow | FailedSignInRow | AuditRow | ReviewLinkRow | ReviewCommentRow) -> None: ...

    def user(self, user_id: uuid.UUID) -> UserRow | None: ...

    def user_by_email(self, email: str) -> UserRow | None: ...

    def users(self) -> list[UserRow]:
        """Every user, by email."""
        ...

    def token_by_prefix(self, prefix: str) -> TokenRow | None: ...

    def tokens(self) -> list[TokenRow]:
        """Every token, newest first."""
        ...

    def failed_sign_ins(self, email: str, address: str, since: dt.datetime) -> list[FailedSignInRow]:
        """The failures for this account from this address after `since`, oldest first."""
        ...

    def forget_failed_sign_ins(self, email: str, address: str | None = None) -> None:
        """Forget the account's failures from `address`, or from every address when it is None."""
        ...

    def audit(self, limit: int, target: str | None = None) -> list[AuditRow]:
        """The newest entries first; only those about `target` when it is given."""
        ...

    def audit_page(self, query: AuditQuery) -> list[AuditRow]:
        """Up to one more entry than `query.limit` (newest first), to tell whether a page follows.
        Raises InvalidInput for a cursor that no page gave."""
        ...

    def audit_actions(self) -> list[str]:
        """The distinct actions of the log, alphabetically."""
        ...

    def review_link(self, link_id: uuid.UUID) -> ReviewLinkRow | None: ...

    def review_links_of_run(self, run_id: uuid.UUID) -> list[ReviewLinkRow]:
        """Newest first."""
        ...

    def review_comments(self, link_id: uuid.UUID) -> list[ReviewCommentRow]:
        """In the order the page showed the items."""
        ...


AccountsUnitOfWork = UnitOfWork[AccountsRepository]
AccountsUnitOfWorkFactory = UnitOfWorkFactory[AccountsRepository]
