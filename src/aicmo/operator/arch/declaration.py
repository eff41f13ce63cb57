"""The architecture declaration ([tool.aicmo.architecture] in pyproject.toml), validated."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from aicmo.kernel.errors import InvalidInput, Problem

SECTION = "tool.aicmo.architecture"


@dataclass(frozen=True)
class AllowEntry:
    rule: str
    file: str
    target: str


@dataclass(frozen=True)
class Architecture:
    root: Path
    package: str
    composition_root: str
    layers: tuple[tuple[str, ...], ...]
    modules: dict[str, tuple[str, ...]]
    max_allowed: int
    allowlist: tuple[AllowEntry, ...]

    @property
    def source(self) -> Path:
        return self.root / "src" / self.package

    def layer_of(self, top: str) -> int | None:
        """0 for the top layer; None for a package the declaration does not name."""
        return next((i for i, layer in enumerate(self.layers) if top in layer), None)


def load(root: Path) -> Architecture:
    """Read and validate the declaration; every problem is reported with its key."""
    pyproject = root / "pyproject.toml"
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"{pyproject} not found — run from the project root or pass --root") from None
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(f"{pyproject}: not valid TOML ({error})") from None
    section = data.get("tool", {}).get("aicmo", {}).get("architecture")
    if not isinstance(section, dict):
        raise InvalidInput(f"{pyproject}: no [{SECTION}] table — declare the modules and layers there")
    return _validated(root, section)


def _validated(root: Path, section: dict) -> Architecture:
    problems: list[Problem] = []
    package = str(section.get("package", "aicmo"))
    source = root / "src" / package
    layers = tuple(tuple(layer) for layer in section.get("layers", []))
    modules = {name: tuple(deps) for name, deps in section.get("modules", {}).items()}
    layered = [name for layer in layers for name in layer]
    for name in sorted({n for n in layered if layered.count(n) > 1}):
        problems.append(Problem(f"{SECTION}.layers", f"{name!r} is in more than one layer: keep it in one"))
    for name in layered:
        if not (source / name / "__init__.py").is_file():
            problems.append(Problem(f"{SECTION}.layers", f"{name!r} matches no package under {source}: remove it or create it"))
    for name, deps in modules.items():
        if name not in layered:
            problems.append(Problem(f"{SECTION}.modules.{name}", "is in no layer: add it to one of `layers`"))
        for dep in deps:
            if dep not in modules:
                problems.append(Problem(f"{SECTION}.modules.{name}", f"depends on unknown module {dep!r}: declare it or remove it"))
    cycle = _cycle(modules)
    if cycle:
        problems.append(Problem(f"{SECTION}.modules", f"dependency cycle {' -> '.join(cycle)}: remove one of these dependencies"))
    composition = str(section.get("composition_root", ""))
    if not (root / "src" / Path(*composition.split("."))).is_dir():
        problems.append(Problem(f"{SECTION}.composition_root", f"{composition!r} matches no package: name the composition root package"))
    allow = section.get("allowlist", {})
    entries = []
    for index, entry in enumerate(allow.get("entries", [])):
        if not isinstance(entry, dict) or set(entry) != {"rule", "file", "target"}:
            problems.append(Problem(f"{SECTION}.allowlist.entries[{index}]", "must have exactly rule, file and target"))
        else:
            entries.append(AllowEntry(str(entry["rule"]), str(entry["file"]), str(entry["target"])))
    if problems:
        raise InvalidInput("the architecture declaration in pyproject.toml is malformed", problems)
    return Architecture(
        root=root,
        package=package,
        composition_root=composition,
        layers=layers,
        modules=modules,
        max_allowed=int(allow.get("max_entries", 0)),
        allowlist=tuple(entries),
    )


def _cycle(modules: dict[str, tuple[str, ...]]) -> list[str] | None:
    """One dependency cycle among the declared modules, or None."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        path.append(name)
        for dep in modules.get(name, ()):
            if state.get(dep) == "open":
                return path[path.index(dep):] + [dep]
            if dep not in state and (found := visit(dep)):
                return found
        state[name] = "done"
        path.pop()
        return None

    for name in sorted(modules):
        if name not in state and (found := visit(name)):
            return found
    return None
