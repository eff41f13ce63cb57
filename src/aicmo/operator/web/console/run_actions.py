"""What the agency does on a run's page besides deciding: waive a QC finding with a reason,
put its own wording in one item (QC checks that item again at once), and download the
files of the delivered package. Each action is in the audit log."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Form, HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from typing import Annotated

from aicmo.accounts.api import User
from aicmo.kernel.errors import Conflict, InvalidInput
from aicmo.operator.audited import download_detail, waiver_detail
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.labels import state_label
from aicmo.operator.web.console.run_page import delivered_package, require_agency, run_page, visible_run
from aicmo.operator.web.console.run_view import ItemView, pack_view
from aicmo.operator.web.console.viewer import signed_in
from aicmo.operator.web.download_name import download_name
from aicmo.operator.web.portal.review_desk import ReviewDesk
from aicmo.orchestration.api import RunSummary

FIELD_PREFIX = "fields."
"""The edit form names each textarea as production names the field in a problem: `fields.hook`."""


def run_actions_router(console: Console, desk: ReviewDesk) -> APIRouter:
    router = APIRouter()
    app = console.app

    def viewer(request: Request) -> User:
        return signed_in(console, request)

    def agency(request: Request) -> User:
        user = signed_in(console, request)
        require_agency(user, "change a run's content or findings")
        return user

    def item_of(run: RunSummary, typed: str) -> ItemView:
        pack = pack_view(app, run)
        views = [view for group in (pack.deliverables if pack else []) for view in group.items]
        found = [view for view in views if str(view.item.item_id).startswith(typed.lower())] if len(typed) >= 4 else []
        if len(found) != 1:
            raise HTTPException(404, "There is no such item in this run's pack.")
        return found[0]

    @router.post("/runs/{typed}/findings/{finding}/waive", dependencies=[Depends(console.csrf.check)])
    def waive(
        request: Request, typed: str, finding: str, reason: Annotated[str, Form()] = "", user: User = Depends(agency)
    ) -> Response:
        run = visible_run(console, user, typed)
        pack = pack_view(app, run)
        found = next((f for f in pack.report.findings if str(f.finding_id) == finding), None) if pack else None
        if found is None:
            raise HTTPException(404, "This finding is not in the run's latest QC report.")
        if run.state.finished:
            raise HTTPException(409, f"The run is {state_label(run.state)}: its findings no longer change anything.")
        try:
            app.qc.waive(found.finding_id, reason, user.email)
        except InvalidInput as error:
            return run_page(
                console, desk, request, user, run, 422, problems={f"waive.{finding}": error.problems[0].message}
            )
        except Conflict as error:
            return run_page(console, desk, request, user, run, 409, problems={f"waive.{finding}": str(error)})
        app.audit.record(actor(request, user), "finding.waive", str(run.run_id), waiver_detail(found, reason))
        return RedirectResponse(f"/runs/{run.run_id}#finding-{finding}", status_code=303)

    def edit_page(
        request: Request, user: User, run: RunSummary, view: ItemView, status: int = 200, **shown
    ) -> Response:
        context = {"values": view.item.fields, "beside": {}, "summary": None, **shown}
        return console.render(request, "item_edit.html", user, status, run=run, view=view, **context)

    @router.get("/runs/{typed}/items/{item}/edit")
    def edit_form(request: Request, typed: str, item: str, user: User = Depends(agency)) -> Response:
        run = visible_run(console, user, typed)
        return edit_page(request, user, run, item_of(run, item))

    @router.post("/runs/{typed}/items/{item}/edit", dependencies=[Depends(console.csrf.check)])
    async def edit(request: Request, typed: str, item: str, user: User = Depends(agency)) -> Response:
        form = await request.form()
        run = visible_run(console, user, typed)
        view = item_of(run, item)
        fields = {key[len(FIELD_PREFIX) :]: str(value) for key, value in form.items() if key.startswith(FIELD_PREFIX)}
        try:
            app.workflows.edit_item(run.run_id, str(view.item.item_id), fields)
        except InvalidInput as error:
            beside = {p.field.removeprefix(FIELD_PREFIX): p.message for p in error.problems}
            return edit_page(
                request,
                user,
                run,
                view,
                422,
                values={**view.item.fields, **fields},
                beside=beside,
                summary=error.summary,
            )
        except Conflict as error:
            raise HTTPException(409, f"{error}: an item is edited while its run waits for approval.") from None
        after = item_of(app.workflows.get_run(run.run_id), str(view.item.item_id)).item
        changed = [name for name, value in after.fields.items() if value != view.item.fields.get(name)]
        if changed:
            what = f"{view.label} ({str(view.item.item_id)[:8]}): {', '.join(changed)}"
            app.audit.record(actor(request, user), "item.edit", str(run.run_id), what)
        return RedirectResponse(
            f"/runs/{run.run_id}?edited={view.item.item_id}#item-{view.item.item_id}", status_code=303
        )

    @router.get("/runs/{typed}/files/{name:path}")
    def download(request: Request, typed: str, name: str, user: User = Depends(viewer)) -> Response:
        run = visible_run(console, user, typed)
        package = delivered_package(app, user, run)
        artifact = next((a for a in package.artifacts if a.name == name), None) if package else None
        if package is None or artifact is None or not Path(artifact.path).is_file():
            raise HTTPException(404, "This run's package has no such file on this server.")
        detail = download_detail(package.package_id, artifact.name)
        app.audit.record(actor(request, user), "package.download", str(run.run_id), detail)
        return FileResponse(
            artifact.path, media_type=artifact.media_type, filename=download_name(package, artifact.name)
        )

    return router
