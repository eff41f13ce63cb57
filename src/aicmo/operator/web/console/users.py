"""Users and API tokens, for admins: who may sign in, which tokens work; disable, enable and revoke.

Making users and tokens stays on the command line (`aicmo user create`, `aicmo token create`),
where a password is typed and a token shown once without passing through a browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.accounts.api import Role, User
from aicmo.kernel.errors import NotFound
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.viewer import signed_in


def back_to_users(change: Callable[[], object]) -> Response:
    """Make the change, then show the users page again; an unknown user or token is a 404."""
    try:
        change()
    except NotFound as error:
        raise HTTPException(404, str(error)) from None
    return RedirectResponse("/users", status_code=303)


def users_router(console: Console) -> APIRouter:
    router = APIRouter()
    accounts = console.app.accounts

    def admin(request: Request) -> User:
        user = signed_in(console, request)
        if user.role != Role.ADMIN:
            raise HTTPException(403, "Only an admin may manage users and tokens.")
        return user

    @router.get("/users")
    def users(request: Request, user: User = Depends(admin)) -> Response:
        return console.render(request, "users.html", user, users=accounts.users(), tokens=accounts.tokens())

    @router.post("/users/disable", dependencies=[Depends(console.csrf.check)])
    def disable(request: Request, email: Annotated[str, Form()] = "", user: User = Depends(admin)) -> Response:
        if email.strip().lower() == user.email:
            raise HTTPException(409, "You cannot disable yourself: ask another admin.")
        return back_to_users(lambda: accounts.disable_user(email, actor(request, user)))

    @router.post("/users/enable", dependencies=[Depends(console.csrf.check)])
    def enable(request: Request, email: Annotated[str, Form()] = "", user: User = Depends(admin)) -> Response:
        return back_to_users(lambda: accounts.enable_user(email, actor(request, user)))

    @router.post("/tokens/revoke", dependencies=[Depends(console.csrf.check)])
    def revoke(request: Request, prefix: Annotated[str, Form()] = "", user: User = Depends(admin)) -> Response:
        return back_to_users(lambda: accounts.revoke_token(prefix, actor(request, user)))

    return router
