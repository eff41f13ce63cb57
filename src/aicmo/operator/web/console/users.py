"""Users and API tokens, for admins: who may sign in, which tokens work; disable (after a second
click, in the page), enable and revoke, each followed by the page saying what was done.

Making users and tokens stays on the command line (`aicmo user create`, `aicmo token create`),
where a password is typed and a token shown once without passing through a browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.accounts.api import Role, User
from aicmo.kernel.errors import NotFound
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.viewer import signed_in

T = TypeVar("T")


def changed(change: Callable[[], T]) -> T:
    """Make the change; an unknown user or token is a 404."""
    try:
        return change()
    except NotFound as error:
        raise HTTPException(404, str(error)) from None


def back_to_users(**done: str) -> Response:
    """Show the users page again, saying what was `done` (`?disabled=EMAIL`), so a reload repeats nothing."""
    return RedirectResponse(f"/users?{urlencode(done)}" if done else "/users", status_code=303)


def just_changed(request: Request, users: list[User]) -> tuple[User | None, User | None]:
    """The user named by `?disabled=` or `?enabled=`, when it is still so: (disabled, enabled)."""
    params = request.query_params
    disabled = next((u for u in users if u.disabled and u.email == params.get("disabled")), None)
    enabled = next((u for u in users if not u.disabled and u.email == params.get("enabled")), None)
    return disabled, enabled


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
        listed = accounts.users()
        disabled, enabled = just_changed(request, listed)
        return console.render(
            request, "users.html", user, users=listed, tokens=accounts.tokens(), disabled=disabled, enabled=enabled
        )

    @router.post("/users/disable", dependencies=[Depends(console.csrf.check)])
    def disable(request: Request, email: Annotated[str, Form()] = "", user: User = Depends(admin)) -> Response:
        if email.strip().lower() == user.email:
            raise HTTPException(409, "You cannot disable yourself: ask another admin.")
        return back_to_users(disabled=changed(lambda: accounts.disable_user(email, actor(request, user))).email)

    @router.post("/users/enable", dependencies=[Depends(console.csrf.check)])
    def enable(request: Request, email: Annotated[str, Form()] = "", user: User = Depends(admin)) -> Response:
        return back_to_users(enabled=changed(lambda: accounts.enable_user(email, actor(request, user))).email)

    @router.post("/tokens/revoke", dependencies=[Depends(console.csrf.check)])
    def revoke(request: Request, prefix: Annotated[str, Form()] = "", user: User = Depends(admin)) -> Response:
        changed(lambda: accounts.revoke_token(prefix, actor(request, user)))
        return back_to_users()

    return router
