"""Delivery's use cases behind the PackageBuilder port."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.delivery.api.dtos import Artifact, Package, PackageId, PackageRequest, PackageStatus
from aicmo.delivery.api.events import PackageBuilt
from aicmo.delivery.internal.manifest import media_type, render_manifest
from aicmo.delivery.internal.models import ArtifactRow, DeliveryOutbox, PackageRow
from aicmo.delivery.internal.renderers.catalog import renderable
from aicmo.delivery.internal.renderers.view import package_view
from aicmo.delivery.internal.renderers.zip_bundle import render_zip
from aicmo.gateways.api import FileDrop, OutgoingFile, WrittenFile
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import NotFound
from aicmo.onboarding.api import OutputFormat
from aicmo.platform.db import Database
from aicmo.platform.events import outbox_entry

OWNER = "delivery"


class DeliveryService:
    def __init__(self, db: Database, clock: Clock, file_drop: FileDrop) -> None:
        self._db = db
        self._clock = clock
        self._file_drop = file_drop

    def build(self, request: PackageRequest) -> Package:
        existing = self._by_run_key(request.run_key)
        if existing is not None:
            return existing
        view = package_view(request)
        renderers = renderable(request)
        rendered = [OutgoingFile(name=r.file_name, content=r.render(request, view)) for r in renderers.values()]
        written = self._file_drop.write(request.folder, rendered)
        manifest = OutgoingFile(name="manifest.json", content=render_manifest(request, written, [f.value for f in renderers]))
        written += self._file_drop.write(request.folder, [manifest])
        if OutputFormat.ZIP in request.brief.brief.plan.formats:
            archive = OutgoingFile(name="package.zip", content=render_zip([*rendered, manifest]))
            written += self._file_drop.write(request.folder, [archive])
        return self._record(request, written)

    def _record(self, request: PackageRequest, written: list[WrittenFile]) -> Package:
        package = PackageRow(
            id=PackageId.new(),
            run_key=request.run_key,
            client_name=request.brief.client_name,
            folder=str(PurePath(request.folder)),
            status=PackageStatus.BUILT,
            created_at=self._clock.now(),
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
        event = PackageBuilt(package_id=package.id, run_key=request.run_key, folder=package.folder, files=len(artifacts))
        with self._db.session_for(OWNER) as session:
            session.add(package)
            session.flush()
            session.add_all(artifacts)
            session.add(outbox_entry(DeliveryOutbox, event))
        return _package(package, sorted(artifacts, key=lambda a: a.name))

    def _by_run_key(self, run_key: str) -> Package | None:
        with self._db.session_for(OWNER) as session:
            package = session.scalar(select(PackageRow).where(PackageRow.run_key == run_key))
            return None if package is None else _package(package, self._artifacts(session, package.id))

    def get(self, package_id: PackageId) -> Package:
        with self._db.session_for(OWNER) as session:
            package = session.get(PackageRow, package_id)
            if package is None:
                raise NotFound(f"no package {package_id}")
            return _package(package, self._artifacts(session, package.id))

    def void(self, package_id: PackageId) -> None:
        with self._db.session_for(OWNER) as session:
            package = session.get(PackageRow, package_id)
            if package is not None and package.status != PackageStatus.VOID:
                package.status = PackageStatus.VOID
                package.voided_at = self._clock.now()

    @staticmethod
    def _artifacts(session: Session, package_id: uuid.UUID) -> list[ArtifactRow]:
        return list(session.scalars(select(ArtifactRow).where(ArtifactRow.package_id == package_id).order_by(ArtifactRow.name)))


def _package(package: PackageRow, artifacts: list[ArtifactRow]) -> Package:
    return Package(
        package_id=PackageId.parse(package.id),
        run_key=package.run_key,
        client_name=package.client_name,
        folder=package.folder,
        status=PackageStatus(package.status),
        created_at=package.created_at,
        artifacts=[Artifact(name=a.name, media_type=a.media_type, size=a.size, sha256=a.sha256, path=a.path) for a in artifacts],
    )
