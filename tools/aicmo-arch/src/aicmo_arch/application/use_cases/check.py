"""Runs every rule over a project and returns the findings, allowlist applied."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from aicmo_arch.application.project import Project
from aicmo_arch.application.use_cases.declaration import import_linter_section, load_declaration, recorded_maxima
from aicmo_arch.application.use_cases.snapshot import recorded_contract
from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.findings import Finding
from aicmo_arch.domain.import_linter import sync_findings
from aicmo_arch.domain.rules.allowlist import apply_allowlist
from aicmo_arch.domain.rules.anatomy import anatomy_findings
from aicmo_arch.domain.rules.contract_versions import contract_findings
from aicmo_arch.domain.rules.imports import import_findings, undeclared_packages
from aicmo_arch.domain.rules.ownership import ownership_findings
from aicmo_arch.domain.tables import TableRegistry


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    files: int
    rules_doc: str | None = None
    """Where the project states its rules, for the reader of a finding."""


def check(project: Project) -> Report:
    arch = load_declaration(project)
    files = project.source_tree.facts(arch)
    findings = [
        *undeclared_packages(arch, project.source_tree.packages(arch)),
        *import_findings(arch, files),
        *ownership_findings(arch, files, TableRegistry(arch, files)),
        *anatomy_findings(arch, files, project.folder.exists),
        *sync_findings(arch, import_linter_section(project)),
        *all_contract_findings(project, arch),
    ]
    return Report(sorted(apply_allowlist(arch, findings, recorded_maxima(project))), len(files), arch.rules_doc)


def all_contract_findings(project: Project, arch: Architecture) -> Iterator[Finding]:
    """R7 for every module; nothing when contracts are not snapshotted or not readable from this tree."""
    if arch.snapshots is None or not project.folder.exists(arch.snapshots) or not project.contracts.readable(arch):
        return
    for module in sorted(arch.modules):
        current = project.contracts.contract_of(arch, module)
        recorded = recorded_contract(project, arch, module)
        yield from contract_findings(
            arch, module, current, recorded, project.contracts.sqlalchemy_methods(arch, module)
        )
