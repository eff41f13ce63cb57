"""Who may do what, the same in the console and the API: admins and operators act on every
client's runs, a reviewer reads and decides on its one client's runs only."""

from __future__ import annotations

from aicmo.accounts.api import Role, User
from aicmo.orchestration.api import RunSummary

AGENCY_ROLES = (Role.ADMIN, Role.OPERATOR)


def may_decide(user: User, run: RunSummary) -> bool:
    return user.role in AGENCY_ROLES or (user.role == Role.REVIEWER and user.client == run.client_name)


def works_for_the_agency(user: User) -> bool:
    """Starts runs, waives findings, reads events: what a client's reviewer may not."""
    return user.role in AGENCY_ROLES
