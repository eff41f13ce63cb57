"""The contract snapshots: one JSON file per module, rewritten only once every change carries its bump."""

from __future__ import annotations

import json

from aicmo_arch.application.project import Project
from aicmo_arch.domain.declaration import SECTION, Architecture
from aicmo_arch.domain.errors import InvalidDeclaration, Problem
from aicmo_arch.domain.findings import Finding
from aicmo_arch.domain.rules.contract_versions import Contract, contract_findings, is_unbumped


def snapshot_path(arch: Architecture, module: str) -> str:
    return f"{arch.snapshots}/{module}.json"


def recorded_contract(project: Project, arch: Architecture, module: str) -> Contract | None:
    text = project.folder.read_text(snapshot_path(arch, module))
    return None if text is None else json.loads(text)


def write_snapshots(project: Project, arch: Architecture) -> list[str]:
    """Rewrite every module's snapshot; return their paths relative to the root."""
    _require_readable_contracts(project, arch)
    current = {module: project.contracts.contract_of(arch, module) for module in sorted(arch.modules)}
    if unbumped := _unbumped(project, arch, current):
        raise InvalidDeclaration(
            "bump CONTRACT_VERSION first: these contracts changed without the matching version",
            [Problem(f.file, f"{f.message} — {f.fix.split(', then')[0]}") for f in unbumped],
        )
    for module, contract in current.items():
        project.folder.write_text(snapshot_path(arch, module), json.dumps(contract, indent=2, sort_keys=True) + "\n")
    return [snapshot_path(arch, module) for module in current]


def _require_readable_contracts(project: Project, arch: Architecture) -> None:
    if arch.snapshots is None:
        raise InvalidDeclaration(
            "contracts are not snapshotted", [Problem(f"{SECTION}.snapshots", "name the folder for the snapshots")]
        )
    if not project.contracts.readable(arch):
        raise InvalidDeclaration(
            f"cannot import {arch.package} from {arch.source}: install the project or set PYTHONPATH"
        )


def _unbumped(project: Project, arch: Architecture, current: dict[str, Contract]) -> list[Finding]:
    """The changed contracts whose version does not say so."""
    return [
        finding
        for module, contract in current.items()
        if (recorded := recorded_contract(project, arch, module)) is not None
        for finding in contract_findings(arch, module, contract, recorded, [])
        if is_unbumped(finding)
    ]
