"""The architecture declaration ([tool.aicmo.architecture] in pyproject.toml), validated.

Every path in it is relative to the project root the checker is given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aicmo_arch.domain.errors import InvalidDeclaration, Problem

SECTION = "tool.aicmo.architecture"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class AllowEntry:
    rule: str
    file: str
    target: str


@dataclass(frozen=True)
class Architecture:
    package: str
    composition_root: str
    layers: tuple[tuple[str, ...], ...]
    modules: dict[str, tuple[str, ...]]
    max_allowed: int = 0
    allowlist: tuple[AllowEntry, ...] = ()
    source: str = "src"
    """The folder that holds the package."""
    snapshots: str | None = None
    """The folder of the contract snapshots; contracts are not checked without it."""
    docs: str = "docs/architecture"
    cache: str = ".aicmo_cache/arch-facts.json"
    event_base: str | None = None
    """The dotted name of the base class of domain events, to list each module's events."""
    id_base: str | None = None
    """The dotted name of the base class of typed ids, which a contract lists by name."""
    rules_doc: str | None = None
    """The project's page that states the rules (`docs/design.md#rules`); every finding points to it."""

    @property
    def package_path(self) -> str:
        """The package's folder relative to the root (`src/aicmo`)."""
        return f"{self.source}/{self.package}"

    def path_of(self, dotted: str) -> str:
        """The folder of a dotted package name inside the project (`aicmo.qc.api` → `src/aicmo/qc/api`)."""
        return f"{self.source}/{dotted.replace('.', '/')}"

    def layer_of(self, top: str) -> int | None:
        """0 for the top layer; None for a package the declaration does not name."""
        return next((i for i, layer in enumerate(self.layers) if top in layer), None)


def validated(section: object, exists: Callable[[str], bool]) -> Architecture:
    """The declaration, or one InvalidDeclaration naming the key of every problem.

    `exists` tells whether a path relative to the project root exists.
    """
    if not isinstance(section, dict):
        raise InvalidDeclaration(f"{PYPROJECT}: no [{SECTION}] table — declare the modules and layers there")
    if not isinstance(section.get("package"), str):
        raise InvalidDeclaration(
            f"{PYPROJECT} is incomplete", [Problem(f"{SECTION}.package", "name the top-level package")]
        )
    arch = _architecture(section)
    problems = [
        *_layer_problems(arch, exists),
        *_module_problems(arch),
        *_composition_problems(arch, exists),
        *_rules_doc_problems(arch, exists),
        *_allowlist_problems(section.get("allowlist", {})),
    ]
    if problems:
        raise InvalidDeclaration(f"the architecture declaration in {PYPROJECT} is malformed", problems)
    return arch


def _architecture(section: dict) -> Architecture:
    allow = section.get("allowlist", {})
    entries = [e for e in allow.get("entries", []) if isinstance(e, dict) and set(e) == {"rule", "file", "target"}]
    optional = {
        key: str(section[key])
        for key in ("source", "snapshots", "docs", "cache", "event_base", "id_base", "rules_doc")
        if key in section
    }
    return Architecture(
        package=section["package"],
        composition_root=str(section.get("composition_root", "")),
        layers=tuple(tuple(layer) for layer in section.get("layers", [])),
        modules={name: tuple(deps) for name, deps in section.get("modules", {}).items()},
        max_allowed=int(allow.get("max_entries", 0)),
        allowlist=tuple(AllowEntry(str(e["rule"]), str(e["file"]), str(e["target"])) for e in entries),
        **optional,
    )


def _layer_problems(arch: Architecture, exists: Callable[[str], bool]) -> list[Problem]:
    layered = [name for layer in arch.layers for name in layer]
    problems = [
        Problem(f"{SECTION}.layers", f"{name!r} is in more than one layer: keep it in one")
        for name in sorted({n for n in layered if layered.count(n) > 1})
    ]
    problems += [
        Problem(f"{SECTION}.layers", f"{name!r} matches no package under {arch.package_path}: remove it or create it")
        for name in layered
        if not exists(f"{arch.package_path}/{name}/__init__.py")
    ]
    return problems


def _module_problems(arch: Architecture) -> list[Problem]:
    layered = {name for layer in arch.layers for name in layer}
    problems = [
        Problem(f"{SECTION}.modules.{name}", "is in no layer: add it to one of `layers`")
        for name in arch.modules
        if name not in layered
    ]
    problems += [
        Problem(f"{SECTION}.modules.{name}", f"depends on unknown module {dep!r}: declare it or remove it")
        for name, deps in arch.modules.items()
        for dep in deps
        if dep not in arch.modules
    ]
    if cycle := _cycle(arch.modules):
        problems.append(
            Problem(f"{SECTION}.modules", f"dependency cycle {' -> '.join(cycle)}: remove one of these dependencies")
        )
    return problems


def _rules_doc_problems(arch: Architecture, exists: Callable[[str], bool]) -> list[Problem]:
    if arch.rules_doc is None or exists(arch.rules_doc.partition("#")[0]):
        return []
    return [Problem(f"{SECTION}.rules_doc", f"{arch.rules_doc!r} matches no file: name the page that states the rules")]


def _composition_problems(arch: Architecture, exists: Callable[[str], bool]) -> list[Problem]:
    if exists(arch.path_of(arch.composition_root)):
        return []
    return [
        Problem(
            f"{SECTION}.composition_root",
            f"{arch.composition_root!r} matches no package: name the composition root package",
        )
    ]


def _allowlist_problems(allow: dict) -> list[Problem]:
    return [
        Problem(f"{SECTION}.allowlist.entries[{index}]", "must have exactly rule, file and target")
        for index, entry in enumerate(allow.get("entries", []))
        if not isinstance(entry, dict) or set(entry) != {"rule", "file", "target"}
    ]


def _cycle(modules: dict[str, tuple[str, ...]]) -> list[str] | None:
    """One dependency cycle among the declared modules, or None."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        path.append(name)
        for dep in modules.get(name, ()):
            if state.get(dep) == "open":
                return path[path.index(dep) :] + [dep]
            if dep not in state and (found := visit(dep)):
                return found
        state[name] = "done"
        path.pop()
        return None

    for name in sorted(modules):
        if name not in state and (found := visit(name)):
            return found
    return None
