"""The anatomy of every module (api/ and internal/, see the README): its api package is its whole public face."""

from __future__ import annotations

import re
from collections.abc import Iterator

from aicmo.operator.arch.declaration import Architecture
from aicmo.operator.arch.facts import FileFacts
from aicmo.operator.arch.findings import Finding

SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
REQUIRED = ("api/__init__.py", "api/ports.py", "api/dtos.py", "api/events.py", "internal/__init__.py", "README.md")


def anatomy_findings(arch: Architecture, files: list[FileFacts]) -> Iterator[Finding]:
    by_module = {f.module: f for f in files}
    for module in sorted(arch.modules):
        folder = arch.source / module
        relative = folder.relative_to(arch.root).as_posix()
        for part in REQUIRED:
            if not (folder / part).is_file():
                yield _finding(f"{relative}/{part}", 1, module, f"module {module!r} lacks {part}", f"create {relative}/{part}")
        init = by_module.get(f"{arch.package}.{module}.api")
        if init is not None:
            yield from _api_init(init, module)
        for facts in files:
            if facts.module == f"{arch.package}.{module}.api" or facts.module.startswith(f"{arch.package}.{module}.api."):
                yield from _api_imports(arch, facts, module)


def _finding(file: str, line: int, module: str, message: str, fix: str) -> Finding:
    return Finding("ARCH-ANATOMY", file, line, module, message, fix)


def _api_init(init: FileFacts, module: str) -> Iterator[Finding]:
    if not init.docstring:
        yield _finding(init.path, 1, module, "the api package has no docstring", "say in one docstring what the module is for")
    version = init.assigned.get("CONTRACT_VERSION")
    if not (isinstance(version, str) and SEMVER.match(version)):
        yield _finding(init.path, 1, module, "CONTRACT_VERSION is missing or not semver", "set CONTRACT_VERSION = '1.0.0' (major.minor.patch)")
    exported = init.assigned.get("__all__")
    if not isinstance(exported, (list, tuple)):
        yield _finding(init.path, 1, module, "__all__ is missing", "list the public names in __all__")
    else:
        imported = {alias for alias in init.aliases}
        unknown = sorted(set(exported) - imported - {"CONTRACT_VERSION"})
        if unknown:
            yield _finding(init.path, 1, module, f"__all__ names {unknown} that are not re-exported", "import them from ports, dtos or events")
    if init.other_statements or set(init.assigned) - {"CONTRACT_VERSION", "__all__"}:
        yield _finding(init.path, 1, module, "the api package defines something itself", "define it in ports.py, dtos.py or events.py and re-export it")


def _api_imports(arch: Architecture, facts: FileFacts, module: str) -> Iterator[Finding]:
    for reference in facts.imports:
        if reference.target.split(".")[0] == "sqlalchemy":
            yield _finding(facts.path, reference.line, module, "the api imports SQLAlchemy", "keep SQLAlchemy in internal; ports speak DTOs")
        if reference.target.startswith(f"{arch.package}.{module}.internal"):
            yield _finding(facts.path, reference.line, module, f"the api imports {reference.target}", "the api must not reach into its own internal")
