"""The HTML frame of every page: plain markup, one stylesheet in the page, no script."""

from __future__ import annotations

import base64
import hashlib
from html import escape

from fastapi.responses import HTMLResponse

STYLE = "body{font-family:sans-serif;max-width:32rem;margin:4rem auto}"
STYLE_SOURCE = "'sha256-" + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode() + "'"
"""The one stylesheet the Content-Security-Policy allows, by its hash."""


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f'<title>{escape(title)}</title><link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
        f"<style>{STYLE}</style><body>"
        f"<h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status)
