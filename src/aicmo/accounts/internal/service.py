"""Accounts' use cases behind the Accounts, AuditLog and ReviewLinks ports."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.accounts.api.dtos import (
    Actor,
    ApiToken,
    AuditEntry,
    AuditPage,
    AuditQuery,
    IssuedToken,
    ReviewComment,
    ReviewDecision,
    ReviewLink,
    ReviewLinkId,
    Role,
    User,
    UserId,
)
from aicmo.accounts.internal.passwords import PasswordHasher
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.accounts.internal.use_cases import (
    change_user,
    create_user,
    read_accounts,
    record,
    review_links,
    sign_in,
    tokens,
)
from aicmo.kernel.clock import Clock


class AccountsService:
    def __init__(self, uow: AccountsUnitOfWorkFactory, clock: Clock, passwords: PasswordHasher) -> None:
        self._uow = uow
        self._clock = clock
        self._passwords = passwords

    def create_user(self, email: str, role: Role, password: str, by: Actor, *, client: str | None = None) -> User:
        return create_user.create_user(self._uow, self._clock, self._passwords, email, role, password, by, client)

    def users(self) -> list[User]:
        return read_accounts.users(self._uow)

    def user(self, user_id: UserId) -> User | None:
        return read_accounts.one_user(self._uow, user_id)

    def disable_user(self, email: str, by: Actor) -> User:
        return change_user.disable_user(self._uow, self._clock, email, by)

    def enable_user(self, email: str, by: Actor) -> User:
        return change_user.enable_user(self._uow, self._clock, email, by)

    def sign_in(self, email: str, password: str, by: Actor) -> User:
        return sign_in.sign_in(self._uow, self._clock, self._passwords, email, password, by)

    def sign_out(self, user_id: UserId, by: Actor) -> None:
        change_user.sign_out(self._uow, self._clock, user_id, by)

    def change_password(self, email: str, password: str, by: Actor) -> User:
        return change_user.change_password(self._uow, self._clock, self._passwords, email, password, by)

    def create_token(self, email: str, name: str, by: Actor) -> IssuedToken:
        return tokens.create_token(self._uow, self._clock, email, name, by)

    def tokens(self) -> list[ApiToken]:
        return tokens.tokens(self._uow)

    def revoke_token(self, prefix: str, by: Actor) -> ApiToken:
        return tokens.revoke_token(self._uow, self._clock, prefix, by)

    def user_of_token(self, secret: str) -> User | None:
        return tokens.user_of_token(self._uow, self._clock, secret)


class AuditLogService:
    def __init__(self, uow: AccountsUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def record(self, by: Actor, action: str, target: str, detail: str | None = None) -> None:
        record.record(self._uow, self._clock, by, action, target, detail)

    def entries(self, limit: int = 100, *, target: str | None = None) -> list[AuditEntry]:
        return read_accounts.audit(self._uow, limit, target)

    def page(self, query: AuditQuery) -> AuditPage:
        return read_accounts.audit_page(self._uow, query)

    def actions(self) -> list[str]:
        return read_accounts.audit_actions(self._uow)


class ReviewLinksService:
    def __init__(self, uow: AccountsUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def create(
        self,
        run_id: uuid.UUID,
        client: str,
        pack_digest: str,
        expires_at: dt.datetime,
        by: Actor,
        *,
        send_to: str | None = None,
    ) -> ReviewLink:
        return review_links.create(self._uow, self._clock, run_id, client, pack_digest, expires_at, by, send_to)

    def link(self, link_id: ReviewLinkId) -> ReviewLink | None:
        return review_links.link(self._uow, link_id)

    def of_run(self, run_id: uuid.UUID) -> list[ReviewLink]:
        return review_links.of_run(self._uow, run_id)

    def record_sent(self, link_id: ReviewLinkId, by: Actor) -> ReviewLink:
        return review_links.record_sent(self._uow, self._clock, link_id, by)

    def revoke(self, link_id: ReviewLinkId, by: Actor) -> ReviewLink:
        return review_links.revoke(self._uow, self._clock, link_id, by)

    def decide(
        self,
        link_id: ReviewLinkId,
        decision: ReviewDecision,
        comment: str | None,
        comments: list[ReviewComment],
        by: Actor,
    ) -> ReviewLink:
        return review_links.decide(self._uow, self._clock, link_id, decision, comment, comments, by)
