"""Who may do what, the same in the console and the API: admins and operators act on every
client's runs, a reviewer reads and decides on its one client's runs only, and gets their
packages without the agency's own files."""

from __future__ import annotations

from aicmo.accounts.api import Role, User
from aicmo.delivery.api import Package
from aicmo.orchestration.api import RunSummary

AGENCY_ROLES = (Role.ADMIN, Role.OPERATOR)


def may_decide(user: User, run: RunSummary) -> bool:
    return user.role in AGENCY_ROLES or (user.role == Role.REVIEWER and user.client == run.client_name)


def works_for_the_agency(user: User) -> bool:
    """Starts runs, waives findings, reads events: what a client's reviewer may not."""
    return user.role in AGENCY_ROLES


def package_seen_by(user: User, package: Package) -> Package:
    """The package as `user` may see it: a client's reviewer neither sees nor downloads the files
    kept for the agency (QC report, manifest: scores, writers, prompt versions, lineage)."""
    if works_for_the_agency(user):
        return package
    return package.model_copy(update={"artifacts": [a for a in package.artifacts if not a.for_the_agency]})
