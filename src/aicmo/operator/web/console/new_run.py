"""Start a run from the console: upload a brief file, or fill in the brief's main fields.

Both go through the parser `aicmo run` uses, so a wrong brief gets the command line's
messages, each beside the field it names; nothing is stored until the brief is valid. An
upload too large or not YAML/JSON is refused before it is read in full."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.accounts.api import User
from aicmo.kernel.errors import InvalidInput
from aicmo.operator.web.console.brief_form import FIELDS, brief_document, defaults, placed, submitted
from aicmo.operator.web.console.brief_upload import UploadRefused, read_brief_upload
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.example_brief import EXAMPLE_URL, example_brief, example_name
from aicmo.operator.web.console.run_page import require_agency
from aicmo.operator.web.console.viewer import signed_in
from aicmo.orchestration.api import RunOptions
from aicmo.orchestration.composition import brief_parser


def new_run_router(console: Console) -> APIRouter:
    router = APIRouter()
    app = console.app

    def starter(request: Request) -> User:
        """Refused before anything is read: a reviewer may not start runs."""
        user = signed_in(console, request)
        require_agency(user, "start a run")
        return user

    def form_page(request: Request, user: User, status: int = 200, **shown: Any) -> Response:
        context = {
            "values": defaults(),
            "beside": {},
            "apart": [],
            "upload_error": None,
            "upload_problems": [],
            **shown,
        }
        return console.render(request, "new_run.html", user, status, fields=FIELDS, **context)

    def start(request: Request, user: User, data: bytes, name: str, hold: bool, values: dict | None) -> Response:
        try:
            brief = brief_parser().parse_brief(data, name)
        except InvalidInput as error:
            if values is None:
                return form_page(request, user, 422, upload_error=error.summary, upload_problems=error.problems)
            beside, apart = placed(error.problems)
            count = len(error.problems)
            summary = f"The brief is not complete: {count} field{'s' if count != 1 else ''} to fix, each marked below."
            return form_page(request, user, 422, values=values, beside=beside, apart=apart, summary=summary)
        options = RunOptions(hold_on_fail=hold)
        run_id = app.workflows.start_client_to_delivery(
            brief, f"console:{name}", app.settings.home / "deliveries", options
        )
        app.audit.record(actor(request, user), "run.create", str(run_id), brief.client_name)
        return RedirectResponse(f"/runs/{run_id}", status_code=303)

    @router.get("/runs/new")
    def new_run(request: Request, user: User = Depends(starter)) -> Response:
        return form_page(request, user)

    @router.get(EXAMPLE_URL, dependencies=[Depends(starter)])
    def download_example() -> Response:
        disposition = f'attachment; filename="{example_name()}"'
        headers = {"Content-Disposition": disposition}
        return Response(example_brief().content, media_type="application/yaml", headers=headers)

    @router.post("/runs/new", dependencies=[Depends(console.csrf.check)])
    async def from_form(request: Request, user: User = Depends(starter)) -> Response:
        form = await request.form()
        values = submitted(form)
        data = json.dumps(brief_document(values)).encode()
        return await run_in_threadpool(
            start, request, user, data, "form.json", form.get("hold_on_fail") == "on", values
        )

    @router.post("/runs/new/upload")
    async def from_upload(request: Request, user: User = Depends(starter)) -> Response:
        try:
            upload = await read_brief_upload(request)
        except UploadRefused as refused:
            return form_page(request, user, refused.status, upload_error=refused.message)
        console.csrf.verify(request, upload.csrf)
        return await run_in_threadpool(start, request, user, upload.data, upload.name, upload.hold_on_fail, None)

    return router
