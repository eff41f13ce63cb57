"""Read users and the audit log."""

from __future__ import annotations

import uuid

from aicmo.accounts.api.dtos import AuditEntry, AuditPage, AuditQuery, User
from aicmo.accounts.internal.records import audit_entry, user
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.platform.db.keyset import cursor_after


def users(uow: AccountsUnitOfWorkFactory) -> list[User]:
    with uow() as unit:
        return [user(row) for row in unit.repository.users()]


def one_user(uow: AccountsUnitOfWorkFactory, user_id: uuid.UUID) -> User | None:
    with uow() as unit:
        row = unit.repository.user(user_id)
        return user(row) if row else None


def audit(uow: AccountsUnitOfWorkFactory, limit: int, target: str | None) -> list[AuditEntry]:
    with uow() as unit:
        return [audit_entry(row) for row in unit.repository.audit(limit, target)]


def audit_page(uow: AccountsUnitOfWorkFactory, query: AuditQuery) -> AuditPage:
    with uow() as unit:
        rows = unit.repository.audit_page(query)
        shown = rows[: query.limit]
        last = shown[-1] if len(rows) > query.limit else None
        return AuditPage(
            entries=[audit_entry(row) for row in shown],
            next_cursor=cursor_after(last.at, last.id) if last else None,
        )


def audit_actions(uow: AccountsUnitOfWorkFactory) -> list[str]:
    with uow() as unit:
        return unit.repository.audit_actions()
