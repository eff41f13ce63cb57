"""The import-linter contracts that mirror the declaration, and the check that they do.

`lint-imports` runs them on its own; `aicmo-arch check` only makes sure that what
pyproject.toml says to import-linter is what the declaration implies.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from aicmo_arch.domain.declaration import PYPROJECT, Architecture
from aicmo_arch.domain.findings import Finding


def expected_contracts(arch: Architecture) -> list[dict[str, object]]:
    package, root = arch.package, arch.composition_root
    contracts: list[dict[str, object]] = [
        {
            "name": "Layers point down (R2)",
            "type": "layers",
            "layers": [" : ".join(f"{package}.{name}" for name in layer) for layer in arch.layers],
        },
        {
            "name": "No cycles between top-level packages (R2)",
            "type": "acyclic_siblings",
            "ancestors": [package],
            "depth": 1,
        },
    ]
    for module in sorted(arch.modules):
        contracts.append(
            {
                "name": f"{module}.internal is private to {module} and the composition root (R1)",
                "type": "protected",
                "protected_modules": [f"{package}.{module}.internal"],
                "allowed_importers": [f"{package}.{module}", root],
            }
        )
    for module, deps in sorted(arch.modules.items()):
        forbidden = [f"{package}.{other}" for other in sorted(arch.modules) if other != module and other not in deps]
        if not forbidden:
            continue
        inside = root.startswith(f"{package}.{module}.")
        sources = [f"{package}.{module}.api", f"{package}.{module}.internal"] if inside else [f"{package}.{module}"]
        contracts.append(
            {
                "name": f"{module} uses only its declared dependencies (R2)",
                "type": "forbidden",
                "source_modules": sources,
                "forbidden_modules": forbidden,
                "allow_indirect_imports": "True",
            }
        )
    return contracts


def render_toml(arch: Architecture) -> str:
    lines = [
        "[tool.importlinter]",
        f'root_package = "{arch.package}"',
        'unmatched_ignore_imports_alerting = "error"',
        "exclude_type_checking_imports = false",
    ]
    for contract in expected_contracts(arch):
        lines += ["", "[[tool.importlinter.contracts]]"]
        for key, value in contract.items():
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def _normalized(contract: dict[str, object]) -> str:
    return json.dumps({k: v for k, v in contract.items() if k not in ("name", "id")}, sort_keys=True)


def sync_findings(arch: Architecture, section: dict) -> Iterator[Finding]:
    """Findings when `section` ([tool.importlinter] of pyproject.toml) is not what the declaration implies."""
    actual = {_normalized(c) for c in section.get("contracts", [])}
    expected = {_normalized(c) for c in expected_contracts(arch)}
    problems = []
    if section.get("unmatched_ignore_imports_alerting") != "error":
        problems.append('unmatched_ignore_imports_alerting is not "error", so a stale ignore would pass')
    if missing := expected - actual:
        problems.append(f"{len(missing)} contract(s) the declaration implies are missing or differ")
    if extra := actual - expected:
        problems.append(f"{len(extra)} contract(s) do not follow from the declaration")
    for problem in problems:
        yield Finding(
            "ARCH-IMPORT-LINTER",
            PYPROJECT,
            1,
            "tool.importlinter",
            f"[tool.importlinter] is out of step with [tool.aicmo.architecture]: {problem}",
            "replace [tool.importlinter] with the output of `aicmo-arch import-linter`",
        )
