"""Build a run's package: every requested format rendered into its folder, with a manifest,
stored with `PackageBuilt`."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from aicmo.delivery.api.dtos import Package, PackageId, PackageRequest, PackageStatus
from aicmo.delivery.api.events import PackageBuilt
from aicmo.delivery.internal.channels import DeliveryChannels
from aicmo.delivery.internal.manifest import media_type, render_manifest
from aicmo.delivery.internal.models import ArtifactRow, PackageRow
from aicmo.delivery.internal.package_repository import DeliveryUnitOfWorkFactory
from aicmo.delivery.internal.packages import stored_package
from aicmo.delivery.internal.renderers.catalog import ARCHIVE, FOR_THE_AGENCY, MANIFEST, QC_REPORT, renderable
from aicmo.delivery.internal.renderers.qc_report import render_qc_report
from aicmo.delivery.internal.renderers.view import package_view
from aicmo.delivery.internal.renderers.zip_bundle import render_zip
from aicmo.gateways.api import OutgoingFile, WrittenFile
from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import OutputFormat


def build(
    uow: DeliveryUnitOfWorkFactory,
    clock: Clock,
    channels: DeliveryChannels,
    agency: str | None,
    request: PackageRequest,
) -> Package:
    """Building the same `run_key` twice returns the first package and writes nothing."""
    with uow() as unit:
        existing = unit.repository.package_for_run(request.run_key)
        if existing is not None:
            return stored_package(
                existing, unit.repository.artifacts_of(existing.id), unit.repository.jobs_of(existing.id)
            )
    view = package_view(request, agency)
    renderers = renderable(request)
    rendered = [OutgoingFile(name=r.file_name, content=r.render(request, view)) for r in renderers.values()]
    rendered.append(OutgoingFile(name=QC_REPORT, content=render_qc_report(request)))
    written = channels.write(request.folder, rendered)
    manifest = OutgoingFile(name=MANIFEST, content=render_manifest(request, written, [f.value for f in renderers]))
    written += channels.write(request.folder, [manifest])
    if OutputFormat.ZIP in request.brief.brief.plan.formats:
        for_the_client = [f for f in rendered if f.name not in FOR_THE_AGENCY]
        written += channels.write(request.folder, [OutgoingFile(name=ARCHIVE, content=render_zip(for_the_client))])
    return _record(uow, clock, request, written)


def _record(
    uow: DeliveryUnitOfWorkFactory, clock: Clock, request: PackageRequest, written: list[WrittenFile]
) -> Package:
    package = PackageRow(
        id=PackageId.new(),
        run_key=request.run_key,
        client_name=request.brief.client_name,
        folder=str(PurePath(request.folder)),
        status=PackageStatus.BUILT,
        created_at=clock.now(),
    )
    artifacts = [
        ArtifactRow(
            id=uuid.uuid4(),
            package_id=package.id,
            name=f.name,
            media_type=media_type(f.name),
            size=f.size,
            sha256=f.sha256,
            path=f.path,
        )
        for f in written
    ]
    with uow() as unit:
        unit.repository.add(package, artifacts)
        unit.publish(
            PackageBuilt(package_id=package.id, run_key=request.run_key, folder=package.folder, files=len(artifacts))
        )
        unit.commit()
    return stored_package(package, sorted(artifacts, key=lambda a: a.name), [])
