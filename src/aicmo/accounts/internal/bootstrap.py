"""Accounts wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.accounts.api.ports import Accounts, AuditLog, ReviewLinks
from aicmo.accounts.internal.models import AccountsBase
from aicmo.accounts.internal.passwords import Argon2Passwords, PasswordHasher
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.accounts.internal.service import AccountsService, AuditLogService, ReviewLinksService
from aicmo.accounts.internal.sql_repository import sql_accounts_unit_of_work
from aicmo.kernel.clock import Clock

METADATA = AccountsBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"

__all__ = [
    "METADATA",
    "Argon2Passwords",
    "MIGRATIONS",
    "bootstrap_accounts",
    "bootstrap_audit_log",
    "bootstrap_review_links",
    "sql_accounts_unit_of_work",
]


def bootstrap_accounts(clock: Clock, uow: AccountsUnitOfWorkFactory, passwords: PasswordHasher) -> Accounts:
    """Accounts on the units of work `uow` opens (`sql_accounts_unit_of_work(db)`, or a fake in
    tests), keeping passwords with `passwords` (`Argon2Passwords()`, or a cheap fake in tests)."""
    return AccountsService(uow, clock, passwords)


def bootstrap_audit_log(clock: Clock, uow: AccountsUnitOfWorkFactory) -> AuditLog:
    return AuditLogService(uow, clock)


def bootstrap_review_links(clock: Clock, uow: AccountsUnitOfWorkFactory) -> ReviewLinks:
    return ReviewLinksService(uow, clock)
