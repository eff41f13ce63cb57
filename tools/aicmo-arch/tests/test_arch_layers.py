"""aicmo-arch keeps its own layers (cli, bootstrap, adapters, application, domain), checked by import-linter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=root, capture_output=True, text=True, env=env, check=False, timeout=120
    )


def copy_of_the_checker(tmp_path: Path) -> Path:
    root = tmp_path / "aicmo-arch"
    shutil.copytree(PACKAGE_ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(PACKAGE_ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_checker_keeps_its_layers():
    result = lint_imports(PACKAGE_ROOT)

    assert result.returncode == 0, result.stdout
    assert "2 kept, 0 broken" in result.stdout


def planted(tmp_path: Path, relative: str, line: str) -> subprocess.CompletedProcess[str]:
    """lint-imports on a copy of the checker with `line` added to one of its files."""
    root = copy_of_the_checker(tmp_path)
    path = root / "src" / "aicmo_arch" / relative
    path.write_text(path.read_text() + f"\n{line}\n")
    return lint_imports(root)


def test_a_rule_that_imports_an_adapter_breaks_the_layers(tmp_path):
    result = planted(tmp_path, "domain/rules/imports.py", "from aicmo_arch.adapters.local_folder import LocalFolder")

    assert result.returncode == 1
    assert "aicmo-arch is layered: cli, composition root, adapters, application, domain BROKEN" in result.stdout


def test_a_use_case_that_runs_a_process_itself_breaks_the_ports_contract(tmp_path):
    result = planted(tmp_path, "application/use_cases/check.py", "import subprocess")

    assert result.returncode == 1
    assert "the use cases reach the outside world only through their ports BROKEN" in result.stdout
