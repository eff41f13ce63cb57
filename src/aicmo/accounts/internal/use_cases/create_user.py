"""Add a user with a role; a reviewer is bound to the one client it may see."""

from __future__ import annotations

import uuid

from aicmo.accounts.api.dtos import Actor, Role, User
from aicmo.accounts.api.events import UserCreated
from aicmo.accounts.internal.credentials import checked_password, normalized_email
from aicmo.accounts.internal.passwords import PasswordHasher
from aicmo.accounts.internal.models import UserRow
from aicmo.accounts.internal.records import audit_row, user
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, InvalidInput, Problem


def _client_of(role: Role, client: str | None) -> str | None:
    client = (client or "").strip() or None
    if role == Role.REVIEWER and client is None:
        raise InvalidInput(
            "a reviewer needs a client",
            [Problem("--client", "name the one client this reviewer may see, as its brief names the brand")],
        )
    if role != Role.REVIEWER and client is not None:
        raise InvalidInput(
            f"an {role.value} sees every client", [Problem("--client", "give a client only to a reviewer")]
        )
    return client


def create_user(
    uow: AccountsUnitOfWorkFactory,
    clock: Clock,
    passwords: PasswordHasher,
    email: str,
    role: Role,
    password: str,
    by: Actor,
    client: str | None,
) -> User:
    email = normalized_email(email)
    client = _client_of(role, client)
    password_hash = passwords.hash(checked_password(password))
    with uow() as unit:
        if (existing := unit.repository.user_by_email(email)) is not None:
            if existing.disabled_at is not None:
                raise Conflict(f"a user {email} exists already, disabled: `aicmo user enable {email}` turns it on")
            raise Conflict(f"a user {email} exists already: list them with `aicmo user list`")
        now = clock.now()
        row = UserRow(
            id=uuid.uuid4(),
            email=email,
            role=role.value,
            client=client,
            password_hash=password_hash,
            session_version=1,
            disabled_at=None,
            created_at=now,
        )
        unit.repository.add(row)
        unit.repository.add(
            audit_row(by, now, "user.create", email, f"role {role.value}" + (f", client {client}" if client else ""))
        )
        created = user(row)
        unit.publish(UserCreated(user_id=created.user_id, role=role))
        unit.commit()
        return created
