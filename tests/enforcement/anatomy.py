"""The module anatomy of DESIGN §3.2, checked on a source tree. Used by test_structure.py,
which runs it on the real tree and on trees with one planted violation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

MODULES = ("onboarding", "strategy", "production", "qc", "delivery", "cam", "creatives", "gateways", "orchestration")
LAYERS = ("kernel", "platform", "operator")
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def _names_bound(tree: ast.Module) -> tuple[dict[str, ast.AST], list[ast.stmt]]:
    """Assignments at module level, and statements that are neither imports nor assignments."""
    assigned: dict[str, ast.AST] = {}
    others = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assigned[node.targets[0].id] = node.value
        elif not isinstance(node, (ast.Import, ast.ImportFrom)) and not (
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        ):
            others.append(node)
    return assigned, others


def _imported_names(tree: ast.Module) -> set[str]:
    return {alias.asname or alias.name for node in tree.body if isinstance(node, ast.ImportFrom) for alias in node.names}


def check_module(root: Path, module: str) -> list[str]:
    """Problems with one module's anatomy, each naming the file and what to do."""
    base = root / module
    problems = [f"{module}: missing {part}" for part in ("api/__init__.py", "api/ports.py", "api/dtos.py", "api/events.py", "internal/__init__.py", "README.md") if not (base / part).is_file()]
    init = base / "api" / "__init__.py"
    if not init.is_file():
        return problems
    tree = ast.parse(init.read_text(encoding="utf-8"))
    if not ast.get_docstring(tree):
        problems.append(f"{init}: add a docstring saying what the module is for")
    assigned, others = _names_bound(tree)
    version = assigned.get("CONTRACT_VERSION")
    if not (isinstance(version, ast.Constant) and isinstance(version.value, str) and SEMVER.match(version.value)):
        problems.append(f"{init}: set CONTRACT_VERSION to a semver string such as '1.0.0'")
    exported = assigned.get("__all__")
    if not isinstance(exported, (ast.List, ast.Tuple)):
        problems.append(f"{init}: list the public names in __all__")
    else:
        names = [e.value for e in exported.elts if isinstance(e, ast.Constant)]
        unknown = set(names) - _imported_names(tree) - {"CONTRACT_VERSION"}
        if unknown:
            problems.append(f"{init}: __all__ names {sorted(unknown)} that are not re-exported")
    if others or set(assigned) - {"CONTRACT_VERSION", "__all__"}:
        problems.append(f"{init}: define nothing here; re-export from ports.py, dtos.py and events.py")
    for path in sorted((base / "api").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                targets = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for target in targets:
                    if target.split(".")[0] == "sqlalchemy":
                        problems.append(f"{path}:{node.lineno}: api imports SQLAlchemy; keep it in internal")
                    if ".internal" in target or (isinstance(node, ast.ImportFrom) and node.level and "internal" in target):
                        problems.append(f"{path}:{node.lineno}: api imports {target}; api must not reach into internal")
    return problems


def check_tree(root: Path) -> list[str]:
    problems = [f"missing layer package {layer}" for layer in LAYERS if not (root / layer / "__init__.py").is_file()]
    if not (root / "orchestration" / "composition" / "__init__.py").is_file():
        problems.append("missing the composition root orchestration/composition")
    for module in MODULES:
        problems += check_module(root, module)
    return problems
