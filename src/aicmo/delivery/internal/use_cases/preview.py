"""Preview a plan: Markdown and PDF in the folder for the operator to read before approving; nothing is stored."""

from __future__ import annotations

from aicmo.delivery.api.dtos import Artifact, PackageRequest
from aicmo.delivery.internal.channels import DeliveryChannels
from aicmo.delivery.internal.manifest import media_type
from aicmo.delivery.internal.renderers.catalog import RENDERERS
from aicmo.delivery.internal.renderers.view import package_view
from aicmo.gateways.api import OutgoingFile
from aicmo.onboarding.api import OutputFormat


def preview(channels: DeliveryChannels, agency: str | None, request: PackageRequest) -> list[Artifact]:
    view = package_view(request, agency)
    previewed = [RENDERERS[OutputFormat.MD], RENDERERS[OutputFormat.PDF]]
    written = channels.write(
        request.folder, [OutgoingFile(name=r.file_name, content=r.render(request, view)) for r in previewed]
    )
    return [
        Artifact(name=f.name, media_type=media_type(f.name), size=f.size, sha256=f.sha256, path=f.path) for f in written
    ]
