"""Delivery's use cases behind the PackageBuilder port."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.delivery.api.dtos import (
    Artifact,
    DeliveryJob,
    DeliveryStatus,
    DeliveryTarget,
    Package,
    PackageId,
    PackageRequest,
    PackageStatus,
)
from aicmo.delivery.api.events import Delivered, DeliveryFailed, PackageBuilt
from aicmo.delivery.internal.manifest import media_type, render_manifest
from aicmo.delivery.internal.dispatch import RetryPolicy, send_with_retries, sender_for
from aicmo.delivery.internal.models import OWNER, ArtifactRow, DeliveryJobRow, DeliveryOutbox, PackageRow
from aicmo.delivery.internal.renderers.catalog import (
    ARCHIVE,
    FOR_THE_AGENCY,
    MANIFEST,
    QC_REPORT,
    RENDERERS,
    renderable,
)
from aicmo.delivery.internal.renderers.qc_report import render_qc_report
from aicmo.delivery.internal.renderers.view import package_view
from aicmo.delivery.internal.renderers.zip_bundle import render_zip
from aicmo.gateways.api import FileDrop, Mailer, OutgoingFile, WebhookPoster, WrittenFile
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable, NotFound
from aicmo.onboarding.api import OutputFormat
from aicmo.platform.db import Database
from aicmo.platform.events import outbox_entry


class DeliveryService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        file_drop: FileDrop,
        *,
        agency: str | None,
        mailer: Mailer | None = None,
        poster: WebhookPoster | None = None,
        retry: RetryPolicy = RetryPolicy(attempts=4, first_wait_seconds=1.0),
    ) -> None:
        self._db = db
        self._clock = clock
        self._file_drop = file_drop
        self._agency = agency
        self._mailer = mailer
        self._poster = poster
        self._retry = retry

    def build(self, request: PackageRequest) -> Package:
        existing = self._by_run_key(request.run_key)
        if existing is not None:
            return existing
        view = package_view(request, self._agency)
        renderers = renderable(request)
        rendered = [OutgoingFile(name=r.file_name, content=r.render(request, view)) for r in renderers.values()]
        rendered.append(OutgoingFile(name=QC_REPORT, content=render_qc_report(request)))
        written = self._write(request.folder, rendered)
        manifest = OutgoingFile(name=MANIFEST, content=render_manifest(request, written, [f.value for f in renderers]))
        written += self._write(request.folder, [manifest])
        if OutputFormat.ZIP in request.brief.brief.plan.formats:
            for_the_client = [f for f in rendered if f.name not in FOR_THE_AGENCY]
            archive = OutgoingFile(name=ARCHIVE, content=render_zip(for_the_client))
            written += self._write(request.folder, [archive])
        return self._record(request, written)

    def preview(self, request: PackageRequest) -> list[Artifact]:
        view = package_view(request, self._agency)
        previewed = [RENDERERS[OutputFormat.MD], RENDERERS[OutputFormat.PDF]]
        written = self._write(request.folder, [OutgoingFile(name=r.file_name, content=r.render(request, view)) for r in previewed])
        return [Artifact(name=f.name, media_type=media_type(f.name), size=f.size, sha256=f.sha256, path=f.path) for f in written]

    def _write(self, folder: str, files: list[OutgoingFile]) -> list[WrittenFile]:
        """Write into the package folder, retried like any other delivery target."""
        written: list[WrittenFile] = []
        send_with_retries(lambda: written.extend(self._file_drop.write(folder, files)), self._retry, lambda _n: None)
        return written

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
            return None if package is None else _package(package, self._artifacts(session, package.id), self._jobs(session, package.id))

    def deliver(self, package_id: PackageId, targets: list[DeliveryTarget]) -> Package:
        package = self.get(package_id)
        for target in targets:
            key = f"{package.run_key}:{target.kind.value}:{target.address}"
            job_id = self._job(package_id, target, key)
            if job_id is None:
                continue
            send = sender_for(target, self._mailer, self._poster)
            try:
                send_with_retries(lambda: send(package, key), self._retry, lambda n: self._attempted(job_id, n))
            except ChannelUnavailable as error:
                self._finish(job_id, DeliveryStatus.FAILED, str(error), DeliveryFailed(package_id=package_id, target=str(target.kind), reason=str(error), attempts=self._retry.attempts))
                raise
            self._finish(job_id, DeliveryStatus.DELIVERED, None, Delivered(package_id=package_id, target=str(target.kind), idempotency_key=key))
        return self.get(package_id)

    def _job(self, package_id: PackageId, target: DeliveryTarget, key: str) -> uuid.UUID | None:
        """The job to run for this target, or None when it was delivered before."""
        with self._db.session_for(OWNER) as session:
            job = session.scalar(select(DeliveryJobRow).where(DeliveryJobRow.idempotency_key == key))
            if job is None:
                job = DeliveryJobRow(
                    id=uuid.uuid4(), package_id=package_id, kind=target.kind, address=target.address,
                    idempotency_key=key, status=DeliveryStatus.PENDING, attempts=0,
                )
                session.add(job)
            return None if job.status == DeliveryStatus.DELIVERED else job.id

    def _attempted(self, job_id: uuid.UUID, attempt: int) -> None:
        with self._db.session_for(OWNER) as session:
            session.get_one(DeliveryJobRow, job_id).attempts += 1

    def _finish(self, job_id: uuid.UUID, status: DeliveryStatus, error: str | None, event: Delivered | DeliveryFailed) -> None:
        with self._db.session_for(OWNER) as session:
            job = session.get_one(DeliveryJobRow, job_id)
            job.status, job.last_error = status, error
            if status == DeliveryStatus.DELIVERED:
                job.delivered_at = self._clock.now()
            session.add(outbox_entry(DeliveryOutbox, event))

    def get(self, package_id: PackageId) -> Package:
        with self._db.session_for(OWNER) as session:
            package = session.get(PackageRow, package_id)
            if package is None:
                raise NotFound(f"no package {package_id}")
            return _package(package, self._artifacts(session, package.id), self._jobs(session, package.id))

    def void(self, package_id: PackageId) -> None:
        with self._db.session_for(OWNER) as session:
            package = session.get(PackageRow, package_id)
            if package is not None and package.status != PackageStatus.VOID:
                package.status = PackageStatus.VOID
                package.voided_at = self._clock.now()

    @staticmethod
    def _jobs(session: Session, package_id: uuid.UUID) -> list[DeliveryJobRow]:
        return list(session.scalars(select(DeliveryJobRow).where(DeliveryJobRow.package_id == package_id).order_by(DeliveryJobRow.idempotency_key)))

    @staticmethod
    def _artifacts(session: Session, package_id: uuid.UUID) -> list[ArtifactRow]:
        return list(session.scalars(select(ArtifactRow).where(ArtifactRow.package_id == package_id).order_by(ArtifactRow.name)))


def _package(package: PackageRow, artifacts: list[ArtifactRow], jobs: list[DeliveryJobRow] = ()) -> Package:
    return Package(
        package_id=PackageId.parse(package.id),
        run_key=package.run_key,
        client_name=package.client_name,
        folder=package.folder,
        status=PackageStatus(package.status),
        created_at=package.created_at,
        artifacts=[Artifact(name=a.name, media_type=a.media_type, size=a.size, sha256=a.sha256, path=a.path) for a in artifacts],
        deliveries=[
            DeliveryJob(
                target=DeliveryTarget(kind=j.kind, address=j.address),
                idempotency_key=j.idempotency_key,
                status=DeliveryStatus(j.status),
                attempts=j.attempts,
                last_error=j.last_error,
                delivered_at=j.delivered_at,
            )
            for j in jobs
        ],
    )
