"""The import-linter contracts mirror the declaration, hold on the code, and fail on a stale ignore."""

import os
import subprocess
import sys
from pathlib import Path

from .planting import ROOT

LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=root, capture_output=True, text=True, env=env, check=False)


def test_the_contracts_hold_on_the_code():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


def test_an_internal_import_breaks_a_contract(project):
    project.append("qc/internal/evaluator.py", "\nfrom aicmo.strategy.internal.models import StrategyRow\n")

    result = lint_imports(project.root)

    assert result.returncode == 1
    assert "strategy.internal is private to strategy and the composition root (R1) BROKEN" in result.stdout


def test_a_stale_ignore_fails(project):
    path = project.root / "pyproject.toml"
    text = path.read_text().replace(
        'type = "protected"\nprotected_modules = ["aicmo.qc.internal"]',
        'type = "protected"\n'
        'ignore_imports = ["aicmo.cam.api -> aicmo.qc.internal"]\n'
        'protected_modules = ["aicmo.qc.internal"]',
    )
    path.write_text(text)

    result = lint_imports(project.root)

    assert result.returncode == 1
    assert "No matches for ignored import aicmo.cam.api -> aicmo.qc.internal" in result.stdout + result.stderr


def test_contracts_out_of_step_with_the_declaration_are_a_finding(project):
    path = project.root / "pyproject.toml"
    path.write_text(
        path.read_text().replace(
            'forbidden_modules = ["aicmo.accounts", "aicmo.cam", "aicmo.delivery"',
            'forbidden_modules = ["aicmo.accounts", "aicmo.delivery"',
            1,
        )
    )

    assert project.where("ARCH-IMPORT-LINTER") == {"pyproject.toml:1"}
