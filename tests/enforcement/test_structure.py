"""Every module has the anatomy of DESIGN §3.2; a planted violation is caught."""

import shutil
from pathlib import Path

import pytest

from aicmo.orchestration.composition.modules import MODULE_METADATA

from .anatomy import MODULES, check_tree

SOURCE = Path(__file__).resolve().parents[2] / "src" / "aicmo"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    copy = tmp_path / "aicmo"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_every_module_has_its_anatomy():
    assert check_tree(SOURCE) == []


def test_every_table_carries_its_owner_prefix():
    misnamed = [
        (metadata.info["owner"], name)
        for metadata in MODULE_METADATA
        for name in metadata.tables
        if not name.startswith(metadata.info["owner"] + "_")
    ]

    assert misnamed == []
    assert {metadata.info["owner"] for metadata in MODULE_METADATA} <= set(MODULES)


def test_a_missing_contract_version_is_caught(tree):
    init = tree / "qc" / "api" / "__init__.py"
    init.write_text(init.read_text().replace('CONTRACT_VERSION = "0.1.0"', ""))

    assert any("qc/api/__init__.py: set CONTRACT_VERSION" in p for p in check_tree(tree))


def test_a_definition_in_the_api_init_is_caught(tree):
    init = tree / "strategy" / "api" / "__init__.py"
    init.write_text(init.read_text() + "\n\ndef helper():\n    return 1\n")

    assert any("strategy/api/__init__.py: define nothing here" in p for p in check_tree(tree))


def test_sqlalchemy_in_an_api_is_caught(tree):
    dtos = tree / "delivery" / "api" / "dtos.py"
    dtos.write_text("from sqlalchemy import Column\n" + dtos.read_text())

    assert any("delivery/api/dtos.py:1: api imports SQLAlchemy" in p for p in check_tree(tree))


def test_an_api_importing_internal_is_caught(tree):
    ports = tree / "onboarding" / "api" / "ports.py"
    ports.write_text("from aicmo.onboarding.internal.models import BriefRow\n" + ports.read_text())

    assert any("onboarding/api/ports.py:1: api imports aicmo.onboarding.internal.models" in p for p in check_tree(tree))


def test_a_missing_port_file_is_caught(tree):
    (tree / "gateways" / "api" / "ports.py").unlink()

    assert "gateways: missing api/ports.py" in check_tree(tree)
