"""The anatomy of every module (api/ and internal/): its api package is its whole public face."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.facts import FileFacts
from aicmo_arch.domain.findings import Finding

SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
REQUIRED = ("api/__init__.py", "api/ports.py", "api/dtos.py", "api/events.py", "internal/__init__.py", "README.md")


def anatomy_findings(arch: Architecture, files: list[FileFacts], exists: Callable[[str], bool]) -> Iterator[Finding]:
    """`exists` tells whether a path relative to the project root exists."""
    by_module = {f.module: f for f in files}
    for module in sorted(arch.modules):
        folder = f"{arch.package_path}/{module}"
        for part in REQUIRED:
            if not exists(f"{folder}/{part}"):
                yield _finding(
                    f"{folder}/{part}", 1, module, f"module {module!r} lacks {part}", f"create {folder}/{part}"
                )
        api = f"{arch.package}.{module}.api"
        if api in by_module:
            yield from _api_init(by_module[api], module)
        for facts in files:
            if facts.module == api or facts.module.startswith(f"{api}."):
                yield from _api_imports(arch, facts, module)


def _finding(file: str, line: int, module: str, message: str, fix: str) -> Finding:
    return Finding("ARCH-ANATOMY", file, line, module, message, fix)


def _api_init(init: FileFacts, module: str) -> Iterator[Finding]:
    if not init.docstring:
        yield _finding(
            init.path, 1, module, "the api package has no docstring", "say in one docstring what the module is for"
        )
    version = init.assigned.get("CONTRACT_VERSION")
    if not (isinstance(version, str) and SEMVER.match(version)):
        yield _finding(
            init.path,
            1,
            module,
            "CONTRACT_VERSION is missing or not semver",
            "set CONTRACT_VERSION = '1.0.0' (major.minor.patch)",
        )
    yield from _exports(init, module)
    if init.other_statements or set(init.assigned) - {"CONTRACT_VERSION", "__all__"}:
        yield _finding(
            init.path,
            1,
            module,
            "the api package defines something itself",
            "define it in ports.py, dtos.py or events.py and re-export it",
        )


def _exports(init: FileFacts, module: str) -> Iterator[Finding]:
    exported = init.assigned.get("__all__")
    if not isinstance(exported, (list, tuple)):
        yield _finding(init.path, 1, module, "__all__ is missing", "list the public names in __all__")
    elif unknown := sorted(set(exported) - set(init.aliases) - {"CONTRACT_VERSION"}):
        yield _finding(
            init.path,
            1,
            module,
            f"__all__ names {unknown} that are not re-exported",
            "import them from ports, dtos or events",
        )


def _api_imports(arch: Architecture, facts: FileFacts, module: str) -> Iterator[Finding]:
    for reference in facts.imports:
        if reference.target.split(".")[0] == "sqlalchemy":
            yield _finding(
                facts.path,
                reference.line,
                module,
                "the api imports SQLAlchemy",
                "keep SQLAlchemy in internal; ports speak DTOs",
            )
        if reference.target.startswith(f"{arch.package}.{module}.internal"):
            yield _finding(
                facts.path,
                reference.line,
                module,
                f"the api imports {reference.target}",
                "the api must not reach into its own internal",
            )
