"""R7: contracts are snapshotted; a change needs the matching semver bump."""

import json
import re

import pytest

from aicmo_arch.application.use_cases.check import all_contract_findings
from aicmo_arch.application.use_cases.declaration import load_declaration
from aicmo_arch.bootstrap import bootstrap

from ..enforcement.planting import ROOT, Project, aicmo_arch

PORT_ADDITION = (
    '\n    def summary(self, run_id: QcRunId) -> str:\n        """A one-line summary of a run."""\n        ...\n'
)


def arch_check(project: Project) -> list[dict]:
    result = aicmo_arch("check", "--root", str(project.root), "--json", source=project.root / "src")
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "ARCH-R7-CONTRACT"]


def version(project: Project, module: str) -> tuple[int, int, int]:
    text = project.file(f"{module}/api/__init__.py").read_text()
    return tuple(int(part) for part in re.search(r'CONTRACT_VERSION = "(\d+)\.(\d+)\.(\d+)"', text).groups())


def bump_minor(project: Project, module: str) -> str:
    major, minor, patch = version(project, module)
    project.replace(
        f"{module}/api/__init__.py",
        f'CONTRACT_VERSION = "{major}.{minor}.{patch}"',
        f'CONTRACT_VERSION = "{major}.{minor + 1}.0"',
    )
    return f"{major}.{minor + 1}.0"


def snapshot(project: Project) -> None:
    result = aicmo_arch("snapshot", "--root", str(project.root), source=project.root / "src")
    assert result.returncode == 0, result.stderr


def test_the_committed_snapshots_match_the_code():
    project = bootstrap(ROOT)
    arch = load_declaration(project)

    assert project.contracts.readable(arch), "the contracts are read from this checkout"
    assert list(all_contract_findings(project, arch)) == []


@pytest.fixture
def project(tmp_path):
    return Project(tmp_path / "project")


def test_an_addition_without_a_minor_bump_is_caught_and_a_bump_with_a_snapshot_clears_it(project):
    project.append("qc/api/ports.py", PORT_ADDITION)

    [finding] = arch_check(project)
    assert finding["file"] == "src/aicmo/qc/api/__init__.py"
    assert "QualityGate.summary added" in finding["message"] and "without a minor bump" in finding["message"]
    major, minor, _ = version(project, "qc")
    assert f"{major}.{minor + 1}.0" in finding["fix"]

    bump_minor(project, "qc")
    snapshot(project)
    assert arch_check(project) == []


def test_a_removal_needs_a_major_bump(project):
    project.replace("delivery/api/ports.py", "    def void(", "    def _void(")
    bump_minor(project, "delivery")

    [finding] = arch_check(project)
    assert "PackageBuilder.void removed" in finding["message"] and "without a major bump" in finding["message"]


def test_a_changed_dto_field_needs_a_major_bump(project):
    project.replace("qc/api/dtos.py", "    score: int\n", "    score: float\n")

    findings = {f["file"]: f["message"] for f in arch_check(project)}

    assert "model QcReport changed field score" in findings["src/aicmo/qc/api/__init__.py"]
    assert "without a major bump" in findings["src/aicmo/qc/api/__init__.py"]
    assert "PackageRequest.QcReport changed field score" in findings["src/aicmo/delivery/api/__init__.py"], (
        "a DTO embedding QcReport changes too"
    )


def test_a_new_optional_field_is_an_addition_that_needs_a_minor_bump(project):
    project.replace("strategy/api/dtos.py", "    proposed: bool\n", '    proposed: bool\n    note: str = ""\n')

    findings = {f["file"]: f["message"] for f in arch_check(project)}

    assert "model Kpi gained field note" in findings.pop("src/aicmo/strategy/api/__init__.py")
    assert "gained field note" in findings.pop("src/aicmo/delivery/api/__init__.py"), "PackageRequest embeds Kpi"
    assert findings == {}


def test_the_snapshot_command_refuses_an_unbumped_change(project):
    project.append("qc/api/ports.py", PORT_ADDITION)

    result = aicmo_arch("snapshot", "--root", str(project.root), source=project.root / "src")

    assert result.returncode == 2
    major, minor, _ = version(project, "qc")
    assert (
        "bump CONTRACT_VERSION first" in result.stderr
        and f"set CONTRACT_VERSION to {major}.{minor + 1}.0" in result.stderr
    )
