"""A delivered package: what it holds, and its ZIP (every file with `manifest.json`)."""

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse

from aicmo.delivery.api import Package, PackageId
from aicmo.kernel.errors import InvalidInput, NotFound, Problem
from aicmo.operator.web.api.caller import Caller
from aicmo.operator.web.api.context import Api
from aicmo.operator.web.api.server_paths import package_for
from aicmo.operator.audited import download_detail
from aicmo.operator.web.download_name import download_name

ZIP = "application/zip"


def packages_router(api: Api) -> APIRouter:
    router = APIRouter(tags=["packages"])
    Authenticated = Annotated[Caller, Depends(api.caller)]

    def visible(caller: Caller, typed: str) -> Package:
        try:
            package_id = PackageId.parse(typed)
        except ValueError:
            raise InvalidInput(
                f"{typed!r} is not a package id", [Problem("package", "copy package_id from the run")]
            ) from None
        package = api.app.delivery.get(package_id)
        caller.require_client(package.client_name)
        return package

    @router.get("/packages/{package}")
    def show(caller: Authenticated, package: str) -> Package:
        """A package: its files (name, type, size), and its deliveries to each target; a reviewer's
        answer leaves the server paths empty."""
        return package_for(caller, visible(caller, package))

    @router.get("/packages/{package}/zip", response_class=FileResponse, responses={200: {"content": {ZIP: {}}}})
    def download(caller: Authenticated, package: str) -> FileResponse:
        """The package's ZIP, as it was delivered."""
        found = visible(caller, package)
        archive = next((a for a in found.artifacts if a.media_type == ZIP), None)
        if archive is None or not Path(archive.path).is_file():
            raise NotFound(f"package {found.package_id} has no ZIP on this server")
        # A run's package is built under the run's id as its key: the entry is about that run.
        detail = download_detail(found.package_id, archive.name)
        api.app.audit.record(caller.actor, "package.download", found.run_key, detail)
        return FileResponse(archive.path, media_type=ZIP, filename=download_name(found, archive.name))

    return router
