"""What every console page needs: the application, the session and CSRF cookies, the templates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import Actor, Channel, User
from aicmo.kernel.text import MAX_COMMENT
from aicmo.operator.web.console.csrf import FIELD, HEADER, CsrfTokens
from aicmo.operator.web.console.example_brief import example_link, example_linked
from aicmo.operator.web.console.labels import LABELS
from aicmo.operator.web.console.sessions import SessionCookies
from aicmo.orchestration.composition import Application

TEMPLATES = Path(__file__).with_name("templates")


@dataclass(frozen=True)
class Console:
    app: Application
    sessions: SessionCookies
    csrf: CsrfTokens
    templates: Jinja2Templates

    def render(self, request: Request, name: str, viewer: User | None, status: int = 200, **context: Any) -> Response:
        """The template `name` (autoescaped: text from briefs shows as text), with the viewer and
        the CSRF token every form and HTMX request carries."""
        csrf = {"field": FIELD, "header": HEADER, "token": self.csrf.token(request)}
        response = self.templates.TemplateResponse(
            request, name, {"viewer": viewer, "csrf": csrf, **context}, status_code=status
        )
        self.csrf.remember(request, response)
        return response


def actor(request: Request, user: User | None) -> Actor:
    """The console user for the audit log, with the address the request came from."""
    return Actor(
        who=user.email if user else None,
        channel=Channel.CONSOLE,
        address=request.client.host if request.client else None,
    )


def console_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=TEMPLATES)
    templates.env.autoescape = True
    templates.env.auto_reload = False  # the templates ship with the package: no stat of each one per render
    templates.env.filters["sentence"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    templates.env.filters["example_linked"] = example_linked
    templates.env.filters.update(LABELS)
    templates.env.globals["max_comment"] = MAX_COMMENT
    templates.env.globals["example_link"] = example_link
    return templates
