"""Signing in and out of the console."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.kernel.errors import AccountDisabled, InvalidInput, TooManyAttempts
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.viewer import SignInNeeded, local_path, signed_in


def login_router(console: Console) -> APIRouter:
    router = APIRouter()

    @router.get("/login")
    def login_page(request: Request, next: str = "/") -> Response:
        return console.render(request, "login.html", None, next=local_path(next), email="", problem=None)

    @router.post("/login", dependencies=[Depends(console.csrf.check)])
    def login(
        request: Request,
        email: Annotated[str, Form()] = "",
        password: Annotated[str, Form()] = "",
        next: Annotated[str, Form()] = "/",
    ) -> Response:
        try:
            user = console.app.accounts.sign_in(email, password, actor(request, None))
        except AccountDisabled:
            agency = console.app.settings.agency_name or "the agency"
            summary = f"this account is disabled: ask an admin of {agency} to enable it"
            return console.render(
                request, "login.html", None, 403, next=local_path(next), email=email, summary=summary, problem=None
            )
        except InvalidInput as error:
            status = 429 if isinstance(error, TooManyAttempts) else 400
            problem = error.problems[0] if error.problems else None
            return console.render(
                request,
                "login.html",
                None,
                status,
                next=local_path(next),
                email=email,
                summary=error.summary,
                problem=problem,
            )
        response = RedirectResponse(local_path(next), status_code=303)
        console.sessions.start(response, user.user_id, user.session_version)
        return response

    @router.post("/logout", dependencies=[Depends(console.csrf.check)])
    def logout(request: Request) -> Response:
        try:
            user = signed_in(console, request)
            console.app.accounts.sign_out(user.user_id, actor(request, user))
        except SignInNeeded:
            pass
        response = RedirectResponse("/login", status_code=303)
        console.sessions.end(response)
        return response

    return router
