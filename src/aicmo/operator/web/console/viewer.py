"""Who is signed in: the user of a valid session cookie, or a redirect to the sign-in page."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.accounts.api import User
from aicmo.operator.web.console.context import Console


class SignInNeeded(Exception):
    """No valid session: the page sends the browser to /login and back afterwards."""


def signed_in(console: Console, request: Request) -> User:
    claim = console.sessions.claim(request)
    user = console.app.accounts.user(claim.user_id) if claim else None
    if claim is None or user is None or user.disabled or user.session_version != claim.version:
        raise SignInNeeded
    return user


def to_sign_in(request: Request, _error: Exception) -> Response:
    target = "/login?next=" + quote(request.url.path)
    if request.headers.get("HX-Request"):
        return Response(status_code=401, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def local_path(candidate: str | None) -> str:
    """Where to go after signing in: a path of this site only, never another site's address."""
    if candidate and candidate.startswith("/") and not candidate.startswith(("//", "/\\")):
        return candidate
    return "/"
