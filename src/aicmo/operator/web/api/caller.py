"""Who calls the API: the active user of the `Authorization: Bearer` token (its last use is
noted), or 401; and what that user's role lets it do, or 403."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import Request

from aicmo.accounts.api import Accounts, Actor, Channel, User
from aicmo.operator.web.access import works_for_the_agency
from aicmo.operator.web.api.problems import ApiProblem

TOKEN_SCHEME = HTTPBearer(
    auto_error=False, description="An API token from `aicmo token create --user EMAIL --name NAME`."
)


@dataclass(frozen=True)
class Caller:
    user: User
    actor: Actor
    """The user with the request's address, for the audit log (channel `api`)."""

    def require_agency(self, what: str) -> None:
        """Refuse (403) a client's reviewer doing what only the agency's users do."""
        if not works_for_the_agency(self.user):
            raise ApiProblem(403, f"a reviewer may not {what}: ask an operator or an admin")

    def require_client(self, client: str) -> None:
        """Refuse (403) a reviewer reaching a client it does not review."""
        if not self.user.may_see(client):
            raise ApiProblem(403, "this belongs to a client you do not review")


def bearer_caller(accounts: Accounts) -> Callable[..., Caller]:
    def caller(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(TOKEN_SCHEME)) -> Caller:
        if credentials is None:
            raise ApiProblem(
                401,
                "send an API token: Authorization: Bearer <token> (`aicmo token create` makes one)",
                headers={"WWW-Authenticate": 'Bearer realm="aicmo"'},
            )
        user = accounts.user_of_token(credentials.credentials)
        if user is None:
            raise ApiProblem(
                401,
                "this token does not work: it is unknown or revoked, or its user is disabled"
                " — ask an admin for a new one",
                headers={"WWW-Authenticate": 'Bearer realm="aicmo", error="invalid_token"'},
            )
        return Caller(
            user, Actor(who=user.email, channel=Channel.API, address=request.client.host if request.client else None)
        )

    return caller
