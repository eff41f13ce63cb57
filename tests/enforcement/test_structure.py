"""Every module has the anatomy of a module (api/ and internal/); a planted violation is caught."""

import re

from aicmo_arch.application.use_cases.check import check
from aicmo_arch.bootstrap import bootstrap
from aicmo.orchestration.composition.modules import MODULE_METADATA

from .planting import ROOT


def anatomy(project) -> set[str]:
    return {f"{f.location} {f.message}" for f in project.findings() if f.rule == "ARCH-ANATOMY"}


def test_the_repository_holds_every_rule():
    assert check(bootstrap(ROOT)).findings == []


def test_every_runtime_table_carries_its_owner_prefix():
    misnamed = [
        (metadata.info["owner"], name)
        for metadata in MODULE_METADATA
        for name in metadata.tables
        if not name.startswith(metadata.info["owner"] + "_")
    ]

    assert misnamed == []


def test_a_missing_contract_version_is_caught(project):
    init = project.file("qc/api/__init__.py")
    init.write_text(re.sub(r'CONTRACT_VERSION = "[^"]*"', "", init.read_text()))

    assert "src/aicmo/qc/api/__init__.py:1 CONTRACT_VERSION is missing or not semver" in anatomy(project)


def test_a_definition_in_the_api_init_is_caught(project):
    project.append("strategy/api/__init__.py", "\n\ndef helper():\n    return 1\n")

    assert "src/aicmo/strategy/api/__init__.py:1 the api package defines something itself" in anatomy(project)


def test_sqlalchemy_in_an_api_is_caught(project):
    line = project.append("delivery/api/dtos.py", "\nfrom sqlalchemy import Column\n")

    assert f"src/aicmo/delivery/api/dtos.py:{line + 1} the api imports SQLAlchemy" in anatomy(project)


def test_an_api_importing_its_internal_is_caught(project):
    line = project.append("onboarding/api/ports.py", "\nfrom aicmo.onboarding.internal.models import BriefRow\n")

    assert (
        f"src/aicmo/onboarding/api/ports.py:{line + 1} the api imports aicmo.onboarding.internal.models.BriefRow"
        in anatomy(project)
    )


def test_a_missing_port_file_is_caught(project):
    project.file("gateways/api/ports.py").unlink()

    assert "src/aicmo/gateways/api/ports.py:1 module 'gateways' lacks api/ports.py" in anatomy(project)
