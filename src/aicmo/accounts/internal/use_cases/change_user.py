"""Disable a user, enable it again, end its sessions, or set its password: each but enabling
ends every session it had; a new password also lifts the sign-in lockout of the account, from
every address. Enabling lets the user sign in anew: the sessions that disabling ended stay
ended (their session version is gone by), and so do the tokens revoked meanwhile."""

from __future__ import annotations

import uuid

from aicmo.accounts.api.dtos import Actor, User, UserId
from aicmo.accounts.api.events import UserDisabled
from aicmo.accounts.internal.credentials import checked_password, normalized_email
from aicmo.accounts.internal.models import UserRow
from aicmo.accounts.internal.passwords import PasswordHasher
from aicmo.accounts.internal.records import audit_row, user
from aicmo.accounts.internal.repository import AccountsRepository, AccountsUnitOfWorkFactory
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import NotFound


def user_by_email(repository: AccountsRepository, email: str) -> UserRow:
    row = repository.user_by_email(normalized_email(email))
    if row is None:
        raise NotFound(f"no user {email.strip()}: list them with `aicmo user list`")
    return row


def disable_user(uow: AccountsUnitOfWorkFactory, clock: Clock, email: str, by: Actor) -> User:
    with uow() as unit:
        row = user_by_email(unit.repository, email)
        if row.disabled_at is None:
            row.disabled_at = clock.now()
            row.session_version += 1
            unit.repository.add(audit_row(by, row.disabled_at, "user.disable", row.email))
            unit.publish(UserDisabled(user_id=UserId.parse(row.id)))
            unit.commit()
        return user(row)


def enable_user(uow: AccountsUnitOfWorkFactory, clock: Clock, email: str, by: Actor) -> User:
    with uow() as unit:
        row = user_by_email(unit.repository, email)
        if row.disabled_at is not None:
            row.disabled_at = None
            unit.repository.add(audit_row(by, clock.now(), "user.enable", row.email))
            unit.commit()
        return user(row)


def change_password(
    uow: AccountsUnitOfWorkFactory, clock: Clock, passwords: PasswordHasher, email: str, password: str, by: Actor
) -> User:
    password_hash = passwords.hash(checked_password(password))
    with uow() as unit:
        row = user_by_email(unit.repository, email)
        row.password_hash = password_hash
        row.session_version += 1
        unit.repository.forget_failed_sign_ins(row.email)
        unit.repository.add(audit_row(by, clock.now(), "user.password", row.email))
        unit.commit()
        return user(row)


def sign_out(uow: AccountsUnitOfWorkFactory, clock: Clock, user_id: uuid.UUID, by: Actor) -> None:
    with uow() as unit:
        row = unit.repository.user(user_id)
        if row is None:
            return
        row.session_version += 1
        unit.repository.add(audit_row(by, clock.now(), "session.logout", row.email))
        unit.commit()
