"""Check an email and password, with a limit on failures per account and address.

After `LIMIT` failures within `WINDOW` for one account from one address, that address may
not try that account again until the oldest of them is `WINDOW` old; a success, or a new
password, forgets them. A blocked attempt is audited as `session.login-blocked`; the right
password of a disabled account counts as a failure too, audited as `session.login-disabled`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.accounts.api.dtos import Actor, User
from aicmo.accounts.internal.credentials import normalized_email
from aicmo.accounts.internal.models import FailedSignInRow
from aicmo.accounts.internal.passwords import PasswordHasher
from aicmo.accounts.internal.records import audit_row, user
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import AccountDisabled, InvalidInput, Problem, TooManyAttempts

LIMIT = 5
WINDOW = dt.timedelta(minutes=15)


def _wrong() -> InvalidInput:
    """One answer for a wrong email and a wrong password, so neither tells which accounts exist."""
    return InvalidInput("wrong email or password", [Problem("password", "check both and try again")])


def sign_in(
    uow: AccountsUnitOfWorkFactory, clock: Clock, passwords: PasswordHasher, email: str, password: str, by: Actor
) -> User:
    email = normalized_email(email)
    address = by.address or "-"
    with uow() as unit:
        now = clock.now()
        failures = unit.repository.failed_sign_ins(email, address, now - WINDOW)
        if len(failures) >= LIMIT:
            retry = failures[-LIMIT].at + WINDOW
            minutes = max(1, round((retry - now).total_seconds() / 60))
            unit.repository.add(audit_row(by.model_copy(update={"who": email}), now, "session.login-blocked", email))
            unit.commit()
            raise TooManyAttempts(
                "too many failed sign-ins for this account from this address",
                [
                    Problem(
                        "password",
                        f"try again in {minutes} minute{'s' if minutes > 1 else ''},"
                        " or ask an admin to set a new password",
                    )
                ],
            )
        row = unit.repository.user_by_email(email)
        right = passwords.verify(password, row.password_hash if row else passwords.unknown_account_hash)
        if row is None or not right or row.disabled_at is not None:
            disabled = row is not None and right
            action = "session.login-disabled" if disabled else "session.login-failed"
            unit.repository.add(FailedSignInRow(id=uuid.uuid4(), email=email, address=address, at=now))
            unit.repository.add(audit_row(by.model_copy(update={"who": email}), now, action, email))
            unit.commit()
            raise AccountDisabled("this account is disabled") if disabled else _wrong()
        unit.repository.forget_failed_sign_ins(email, address)
        unit.repository.add(audit_row(by.model_copy(update={"who": email}), now, "session.login", email))
        unit.commit()
        return user(row)
