"""Read users and the audit log."""

from __future__ import annotations

import uuid

from aicmo.accounts.api.dtos import AuditEntry, User
from aicmo.accounts.internal.records import audit_entry, user
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory


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
