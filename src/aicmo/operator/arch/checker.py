"""Runs every rule over a project root and returns the findings, allowlist applied."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from aicmo.operator.arch.allowlist import apply_allowlist
from aicmo.operator.arch.anatomy_rules import anatomy_findings
from aicmo.operator.arch.contracts import SNAPSHOTS, contract_findings
from aicmo.operator.arch.declaration import Architecture, load
from aicmo.operator.arch.findings import Finding
from aicmo.operator.arch.import_linter import sync_findings
from aicmo.operator.arch.import_rules import import_findings, undeclared_packages
from aicmo.operator.arch.ownership_rules import ownership_findings
from aicmo.operator.arch.source_index import index
from aicmo.operator.arch.tables import TableRegistry


@dataclass(frozen=True)
class Report:
    architecture: Architecture
    findings: list[Finding]
    files: int


def check(root: Path) -> Report:
    arch = load(root)
    files = index(root, arch.source)
    registry = TableRegistry(arch, files)
    findings = [
        *undeclared_packages(arch),
        *import_findings(arch, files),
        *ownership_findings(arch, files, registry),
        *anatomy_findings(arch, files),
        *sync_findings(arch),
    ]
    if _contracts_checkable(arch):
        findings += contract_findings(arch)
    return Report(arch, sorted(apply_allowlist(arch, findings)), len(files))


def _contracts_checkable(arch: Architecture) -> bool:
    """Contracts are read from the imported api packages: only when they are the ones under `root`."""
    if not (arch.root / SNAPSHOTS).is_dir():
        return False
    try:
        package = importlib.import_module(arch.package)
    except ImportError:
        return False
    return Path(package.__file__ or "").resolve().is_relative_to(arch.source.resolve())
