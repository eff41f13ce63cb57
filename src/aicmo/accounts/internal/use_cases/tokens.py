"""API tokens: made for a user, shown once, kept as a hash under a visible prefix, revocable.

A token reads `aicmo_<8 hex>_<secret>`; `aicmo_<8 hex>` is its prefix, stored as it is so
a list can tell tokens apart, and the whole token is stored as its sha256 only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import uuid

from aicmo.accounts.api.dtos import Actor, ApiToken, IssuedToken, TokenId, User, UserId
from aicmo.accounts.api.events import ApiTokenRevoked
from aicmo.accounts.internal.models import TokenRow
from aicmo.accounts.internal.records import audit_row, token, user
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.accounts.internal.use_cases.change_user import user_by_email
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import InvalidInput, NotFound, Problem

MAX_NAME = 100

LAST_USE_STEP = dt.timedelta(minutes=1)
"""A token's last use is noted to the minute (as `aicmo token list` shows it): a script calling
many times a second writes once a minute, not on every call."""


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _prefix_of(secret: str) -> str:
    return "_".join(secret.split("_")[:2])


def create_token(uow: AccountsUnitOfWorkFactory, clock: Clock, email: str, name: str, by: Actor) -> IssuedToken:
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise InvalidInput(
            "a token needs a name",
            [Problem("--name", f"say what uses it, e.g. 'reporting script' (at most {MAX_NAME} characters)")],
        )
    with uow() as unit:
        owner = user_by_email(unit.repository, email)
        if owner.disabled_at is not None:
            raise InvalidInput(f"{owner.email} is disabled", [Problem("--user", "make tokens for an active user")])
        prefix = f"aicmo_{secrets.token_hex(4)}"
        secret = f"{prefix}_{secrets.token_hex(24)}"
        now = clock.now()
        row = TokenRow(
            id=uuid.uuid4(),
            user_id=owner.id,
            name=name,
            prefix=prefix,
            secret_hash=_digest(secret),
            created_at=now,
            last_used_at=None,
            revoked_at=None,
        )
        unit.repository.add(row)
        unit.repository.add(audit_row(by, now, "token.create", prefix, f"for {owner.email}: {name}"))
        unit.commit()
        return IssuedToken(token=token(row, owner), secret=secret)


def tokens(uow: AccountsUnitOfWorkFactory) -> list[ApiToken]:
    with uow() as unit:
        owners = {row.id: row for row in unit.repository.users()}
        return [token(row, owners.get(row.user_id)) for row in unit.repository.tokens()]


def revoke_token(uow: AccountsUnitOfWorkFactory, clock: Clock, prefix: str, by: Actor) -> ApiToken:
    with uow() as unit:
        row = unit.repository.token_by_prefix(_prefix_of(prefix.strip()))
        if row is None:
            raise NotFound(f"no token {prefix.strip()!r}: `aicmo token list` shows each token's prefix")
        owner = unit.repository.user(row.user_id)
        if row.revoked_at is None:
            row.revoked_at = clock.now()
            unit.repository.add(audit_row(by, row.revoked_at, "token.revoke", row.prefix))
            unit.publish(ApiTokenRevoked(token_id=TokenId.parse(row.id), user_id=UserId.parse(row.user_id)))
            unit.commit()
        return token(row, owner)


def user_of_token(uow: AccountsUnitOfWorkFactory, clock: Clock, secret: str) -> User | None:
    with uow() as unit:
        row = unit.repository.token_by_prefix(_prefix_of(secret))
        if row is None or row.revoked_at is not None or not hmac.compare_digest(row.secret_hash, _digest(secret)):
            return None
        owner = unit.repository.user(row.user_id)
        if owner is None or owner.disabled_at is not None:
            return None
        now = clock.now()
        if row.last_used_at is None or now - row.last_used_at >= LAST_USE_STEP:
            row.last_used_at = now
            unit.commit()
        return user(owner)
