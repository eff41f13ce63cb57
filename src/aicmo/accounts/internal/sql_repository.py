"""Accounts' rows in its tables, and its events in `accounts_outbox`."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from aicmo.accounts.api.dtos import AuditQuery
from aicmo.accounts.internal.models import (
    OWNER,
    AccountsOutbox,
    AuditRow,
    FailedSignInRow,
    ReviewCommentRow,
    ReviewLinkRow,
    TokenRow,
    UserRow,
)
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.kernel.events import DomainEvent
from aicmo.platform.db import Database
from aicmo.platform.db.keyset import older_than
from aicmo.platform.db.sql_unit_of_work import SqlUnitOfWork
from aicmo.platform.events import outbox_entry


class SqlAccountsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, row: UserRow | TokenRow | FailedSignInRow | AuditRow | ReviewLinkRow | ReviewCommentRow) -> None:
        self._session.add(row)

    def user(self, user_id: uuid.UUID) -> UserRow | None:
        return self._session.get(UserRow, user_id)

    def user_by_email(self, email: str) -> UserRow | None:
        return self._session.scalar(select(UserRow).where(UserRow.email == email))

    def users(self) -> list[UserRow]:
        return list(self._session.scalars(select(UserRow).order_by(UserRow.email)))

    def token_by_prefix(self, prefix: str) -> TokenRow | None:
        return self._session.scalar(select(TokenRow).where(TokenRow.prefix == prefix))

    def tokens(self) -> list[TokenRow]:
        return list(self._session.scalars(select(TokenRow).order_by(TokenRow.created_at.desc())))

    def failed_sign_ins(self, email: str, address: str, since: dt.datetime) -> list[FailedSignInRow]:
        query = select(FailedSignInRow).where(
            FailedSignInRow.email == email, FailedSignInRow.address == address, FailedSignInRow.at > since
        )
        return list(self._session.scalars(query.order_by(FailedSignInRow.at)))

    def forget_failed_sign_ins(self, email: str, address: str | None = None) -> None:
        query = delete(FailedSignInRow).where(FailedSignInRow.email == email)
        if address is not None:
            query = query.where(FailedSignInRow.address == address)
        self._session.execute(query)

    def audit(self, limit: int, target: str | None = None) -> list[AuditRow]:
        query = select(AuditRow).order_by(AuditRow.at.desc()).limit(limit)
        if target is not None:
            query = query.where(AuditRow.target == target)
        return list(self._session.scalars(query))

    def audit_page(self, query: AuditQuery) -> list[AuditRow]:
        statement = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(query.limit + 1)
        if query.action and query.action.endswith("."):
            statement = statement.where(AuditRow.action.startswith(query.action, autoescape=True))
        elif query.action:
            statement = statement.where(AuditRow.action == query.action)
        if query.actor:
            statement = statement.where(func.lower(AuditRow.actor) == query.actor.lower())
        if query.cursor:
            statement = statement.where(older_than(query.cursor, AuditRow.at, AuditRow.id))
        return list(self._session.scalars(statement))

    def audit_actions(self) -> list[str]:
        return list(self._session.scalars(select(AuditRow.action).distinct().order_by(AuditRow.action)))

    def review_link(self, link_id: uuid.UUID) -> ReviewLinkRow | None:
        return self._session.get(ReviewLinkRow, link_id)

    def review_links_of_run(self, run_id: uuid.UUID) -> list[ReviewLinkRow]:
        query = select(ReviewLinkRow).where(ReviewLinkRow.run_id == run_id).order_by(ReviewLinkRow.created_at.desc())
        return list(self._session.scalars(query))

    def review_comments(self, link_id: uuid.UUID) -> list[ReviewCommentRow]:
        query = select(ReviewCommentRow).where(ReviewCommentRow.link_id == link_id).order_by(ReviewCommentRow.position)
        return list(self._session.scalars(query))


def store_accounts_events(session: Session, events: list[DomainEvent]) -> None:
    session.add_all([outbox_entry(AccountsOutbox, event) for event in events])


def sql_accounts_unit_of_work(db: Database) -> AccountsUnitOfWorkFactory:
    return lambda: SqlUnitOfWork(db, OWNER, SqlAccountsRepository, store_accounts_events)
