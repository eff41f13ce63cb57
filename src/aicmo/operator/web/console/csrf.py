"""CSRF protection for every form and HTMX request of the console (double-submit, signed).

Each browser gets a random token in an HttpOnly cookie; pages put its signed form in every
form (`csrf` field) and in the `X-CSRF-Token` header of HTMX requests. A state-changing
request whose token is missing, unsigned, or not the cookie's own is refused with 403
before anything runs.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException
from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import Request
from starlette.responses import Response

COOKIE = "aicmo_csrf"
FIELD = "csrf"
HEADER = "X-CSRF-Token"


class CsrfTokens:
    def __init__(self, key: bytes, *, secure: bool) -> None:
        self._serializer = URLSafeSerializer(key, salt="aicmo.console.csrf")
        self._secure = secure

    def browser_secret(self, request: Request) -> str:
        """The browser's secret: its cookie's, or a new one that `remember` will set."""
        secret = request.cookies.get(COOKIE) or getattr(request.state, "new_csrf", None)
        if not secret:
            secret = request.state.new_csrf = secrets.token_urlsafe(24)
        return secret

    def token(self, request: Request) -> str:
        """What a page puts in its forms and HTMX headers."""
        return self._serializer.dumps(self.browser_secret(request))

    def remember(self, request: Request, response: Response) -> None:
        """Set the cookie when `browser_secret` made a new secret for this response."""
        if new := getattr(request.state, "new_csrf", None):
            response.set_cookie(COOKIE, new, httponly=True, samesite="strict", secure=self._secure, path="/")

    async def check(self, request: Request) -> None:
        """Refuse (403) a request without the token of its own browser."""
        sent = request.headers.get(HEADER)
        if sent is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")
        ):
            value = (await request.form()).get(FIELD)
            sent = value if isinstance(value, str) else None
        self.verify(request, sent)

    def verify(self, request: Request, sent: str | None) -> None:
        """Refuse (403) a token `sent` that is not the one of the request's browser: for a form
        read another way than `check` reads it (an upload read under a size limit)."""
        cookie = request.cookies.get(COOKIE)
        try:
            valid = bool(sent and cookie) and hmac.compare_digest(str(self._serializer.loads(sent)), cookie or "")
        except BadSignature:
            valid = False
        if not valid:
            raise HTTPException(
                403, "This form has expired or did not come from this site: reload the page and try again."
            )
