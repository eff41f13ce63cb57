"""A stored package as other modules see it."""

from __future__ import annotations

from aicmo.delivery.api.dtos import (
    Artifact,
    DeliveryJob,
    DeliveryStatus,
    DeliveryTarget,
    Package,
    PackageId,
    PackageStatus,
)
from aicmo.delivery.internal.renderers.catalog import FOR_THE_AGENCY
from aicmo.delivery.internal.models import ArtifactRow, DeliveryJobRow, PackageRow


def stored_package(package: PackageRow, artifacts: list[ArtifactRow], jobs: list[DeliveryJobRow]) -> Package:
    return Package(
        package_id=PackageId.parse(package.id),
        run_key=package.run_key,
        client_name=package.client_name,
        folder=package.folder,
        status=PackageStatus(package.status),
        created_at=package.created_at,
        artifacts=[
            Artifact(
                name=a.name,
                media_type=a.media_type,
                size=a.size,
                sha256=a.sha256,
                path=a.path,
                for_the_agency=a.name in FOR_THE_AGENCY,
            )
            for a in artifacts
        ],
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
