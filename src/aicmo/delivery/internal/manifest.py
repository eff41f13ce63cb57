"""manifest.json: every file with its checksum, and the versions it was made from."""

from __future__ import annotations

import json

from aicmo.delivery.api.dtos import PackageRequest
from aicmo.delivery.internal.renderers.catalog import MEDIA_TYPES
from aicmo.delivery.internal.writers import prompt_versions_of, writers_of
from aicmo.gateways.api import WrittenFile


def media_type(name: str) -> str:
    return MEDIA_TYPES.get(name, "application/octet-stream")


def render_manifest(request: PackageRequest, files: list[WrittenFile], formats_rendered: list[str]) -> bytes:
    qc = request.qc
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
            "qc_run_id": str(qc.run_id),
        },
        "qc": {
            "score": qc.score,
            "scores": qc.scores,
            "thresholds": qc.thresholds,
            "passed": qc.passed,
            "findings": {severity: qc.count(severity) for severity in ("BLOCKER", "MAJOR", "MINOR")},
        },
        "writers": writers_of(request.pack),
        "prompt_versions": prompt_versions_of(request.pack),
        "fallbacks": [
            {"item_id": str(item.item_id), "kind": item.kind.value, "position": item.position, "reason": reason}
            for item in request.pack.items
            if (reason := item.fallback_reason)
        ],
        "formats_requested": [f.value for f in request.brief.brief.plan.formats],
        "formats_rendered": formats_rendered,
        "files": [
            {"name": f.name, "sha256": f.sha256, "bytes": f.size, "media_type": media_type(f.name)} for f in files
        ],
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False).encode()
