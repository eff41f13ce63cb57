"""manifest.json: every file with its checksum, and the versions it was made from."""

from __future__ import annotations

import json

from aicmo.delivery.api.dtos import PackageRequest
from aicmo.gateways.api import WrittenFile

MEDIA_TYPES = {
    ".md": "text/markdown",
    ".json": "application/json",
    ".zip": "application/zip",
}


def media_type(name: str) -> str:
    return next((t for suffix, t in MEDIA_TYPES.items() if name.endswith(suffix)), "application/octet-stream")


def render_manifest(request: PackageRequest, files: list[WrittenFile], formats_rendered: list[str]) -> bytes:
    manifest = {
        "client": request.brief.client_name,
        "run": request.run_key,
        "lineage": {
            "brief_version_id": str(request.brief.version_id),
            "brief_version": request.brief.version,
            "brief_checksum": request.brief.checksum,
            "strategy_version_id": str(request.strategy.version_id),
            "strategy_version": request.strategy.version,
            "pack_id": str(request.pack.pack_id),
            "qc_run_id": str(request.qc.run_id),
        },
        "qc": {
            "score": request.qc.score,
            "threshold": request.qc.threshold,
            "passed": request.qc.passed,
            "findings": len(request.qc.findings),
        },
        "formats_requested": [f.value for f in request.brief.brief.plan.formats],
        "formats_rendered": formats_rendered,
        "files": [
            {"name": f.name, "sha256": f.sha256, "bytes": f.size, "media_type": media_type(f.name)} for f in files
        ],
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False).encode()
