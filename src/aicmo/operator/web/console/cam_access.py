"""Who may open the client-acquisition pages: the agency's admins and operators (a client's
reviewer gets 403, as in the API)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import HTTPException
from starlette.requests import Request

from aicmo.accounts.api import User
from aicmo.operator.web.access import works_for_the_agency
from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.viewer import signed_in


def agency_user(console: Console) -> Callable[[Request], User]:
    """A dependency: the signed-in user, when an admin or an operator."""

    def user(request: Request) -> User:
        viewer = signed_in(console, request)
        if not works_for_the_agency(viewer):
            raise HTTPException(403, "Client acquisition is for the agency's admins and operators.")
        return viewer

    return user
