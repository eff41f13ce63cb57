"""The session cookie: signed, holding only the user's id and its session version.

Signing out, a new password or disabling the user moves the version on, so every cookie
made before stops working at once, on every device. The cookie is HttpOnly, SameSite=Lax,
and Secure when the installation's public address is https.
"""

from __future__ import annotations

from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import UserId

COOKIE = "aicmo_session"
MAX_AGE = 12 * 3600
"""A session lasts a working day at most."""


@dataclass(frozen=True)
class SessionClaim:
    user_id: UserId
    version: int


class SessionCookies:
    def __init__(self, key: bytes, *, secure: bool) -> None:
        self._serializer = URLSafeTimedSerializer(key, salt="aicmo.console.session")
        self._secure = secure

    def claim(self, request: Request) -> SessionClaim | None:
        """What the request's cookie says, when it is signed by us and not too old."""
        value = request.cookies.get(COOKIE)
        if not value:
            return None
        try:
            user_id, version = self._serializer.loads(value, max_age=MAX_AGE)
            return SessionClaim(UserId.parse(user_id), int(version))
        except (BadSignature, ValueError, TypeError):
            return None

    def start(self, response: Response, user_id: UserId, version: int) -> None:
        value = self._serializer.dumps([str(user_id), version])
        response.set_cookie(
            COOKIE, value, max_age=MAX_AGE, httponly=True, samesite="lax", secure=self._secure, path="/"
        )

    def end(self, response: Response) -> None:
        response.delete_cookie(COOKIE, httponly=True, samesite="lax", secure=self._secure, path="/")
