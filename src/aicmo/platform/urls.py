"""URLs as they may be printed or logged: the password of one never is."""

from __future__ import annotations

import re

# scheme://user:password@host… — the user information ends at the last @ before the path.
_USER_INFO = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/?#@]*):[^/?#]*@")


def without_password(url: str) -> str:
    """`url` with the password of its user information replaced by ***."""
    return _USER_INFO.sub(r"\g<head>:***@", url, count=1)
