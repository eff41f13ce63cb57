"""Keep one entry of the audit log for an action done elsewhere (a run approved, a page of users read)."""

from __future__ import annotations

from aicmo.accounts.api.dtos import Actor
from aicmo.accounts.internal.records import audit_row
from aicmo.accounts.internal.repository import AccountsUnitOfWorkFactory
from aicmo.kernel.clock import Clock


def record(
    uow: AccountsUnitOfWorkFactory, clock: Clock, by: Actor, action: str, target: str, detail: str | None
) -> None:
    with uow() as unit:
        unit.repository.add(audit_row(by, clock.now(), action, target, detail))
        unit.commit()
