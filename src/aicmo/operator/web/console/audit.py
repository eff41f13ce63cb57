"""The audit log, for admins: who did what, when, from where, through which channel; filtered
by action and by who, a page at a time. An entry about a run links to the run's page."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import AuditEntry, Role
from aicmo.kernel.errors import InvalidInput, NotFound
from aicmo.operator.web.console.audit_filters import FIELDS, action_choices, read_filters
from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.viewer import signed_in
from aicmo.orchestration.api import RunId, RunSummary
from aicmo.orchestration.composition import Application


def runs_named(app: Application, entries: list[AuditEntry]) -> dict[str, tuple[RunSummary, str]]:
    """The runs the entries are about, with their short ids, by target; a target that is no
    run (a user's email, a campaign, an older entry's finding or package id) is left out."""
    runs: dict[RunId, RunSummary] = {}
    for target in {entry.target for entry in entries}:
        try:
            run_id = RunId.parse(target)
            runs[run_id] = app.workflows.get_run(run_id)
        except (ValueError, NotFound):
            continue
    short = app.workflows.short_ids(list(runs)) if runs else {}
    return {str(run_id): (run, short[run_id]) for run_id, run in runs.items()}


def audit_router(console: Console) -> APIRouter:
    router = APIRouter()

    @router.get("/audit")
    def audit(request: Request) -> Response:
        user = signed_in(console, request)
        if user.role != Role.ADMIN:
            raise HTTPException(403, "Only an admin may read the audit log.")
        actions = console.app.audit.actions()
        filters = read_filters(dict(request.query_params), actions)
        page = None
        if filters.query is not None:
            try:
                page = console.app.audit.page(filters.query)
            except InvalidInput as error:
                filters.errors["cursor"] = error.problems[0].message if error.problems else error.summary
        return console.render(
            request,
            "audit.html",
            user,
            422 if filters.errors else 200,
            filters=filters,
            fields=FIELDS,
            page=page,
            runs=runs_named(console.app, page.entries if page else []),
            action_choices=action_choices(actions),
        )

    return router
