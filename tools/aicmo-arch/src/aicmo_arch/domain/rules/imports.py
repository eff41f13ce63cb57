"""R1 and R2 on the source: internals stay private, layers point down, dependencies are declared."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.facts import FileFacts, ImportRef
from aicmo_arch.domain.findings import Finding
from aicmo_arch.domain.tables import module_of

_KIND = {
    "import": "import",
    "relative": "relative import",
    "type_checking": "TYPE_CHECKING import",
    "dynamic": "importlib/__import__ import",
}


@dataclass(frozen=True)
class _Import:
    """One import of another top-level package, with what the rules need to judge it."""

    facts: FileFacts
    reference: ImportRef
    target: str
    importer: str
    imported: str
    in_composition: bool

    @property
    def kind(self) -> str:
        return _KIND[self.reference.kind]

    @property
    def below(self) -> str | None:
        """The sub-package of the imported module (`api`, `internal`), if any."""
        parts = self.target.split(".")
        return parts[2] if len(parts) > 2 else None

    def finding(self, rule: str, message: str, fix: str) -> Finding:
        return Finding(rule, self.facts.path, self.reference.line, self.target, message, fix)


def resolved_target(reference: ImportRef, modules: set[str]) -> str:
    """`from a import b`: `a.b` when that is a module, else `a`."""
    if reference.fallback is not None and reference.target not in modules:
        return reference.fallback
    return reference.target


def import_findings(arch: Architecture, files: list[FileFacts]) -> Iterator[Finding]:
    """One finding per offending import statement and rule: the first rule an import breaks."""
    seen: set[tuple[str, int, str]] = set()
    for found in _imports(arch, files):
        if _is_entry(arch, found):
            continue
        finding = next((f for rule in _RULES if (f := rule(arch, found)) is not None), None)
        if finding is not None and (finding.file, finding.line, finding.rule) not in seen:
            seen.add((finding.file, finding.line, finding.rule))
            yield finding


def _imports(arch: Architecture, files: list[FileFacts]) -> Iterator[_Import]:
    modules = {f.module for f in files}
    for facts in files:
        importer = module_of(arch, facts.module)
        if importer is None:
            continue
        in_composition = facts.module == arch.composition_root or facts.module.startswith(arch.composition_root + ".")
        for reference in facts.imports:
            target = resolved_target(reference, modules)
            imported = module_of(arch, target)
            if imported is not None and imported != importer:
                yield _Import(facts, reference, target, importer, imported, in_composition)


def _through_api(arch: Architecture, found: _Import) -> Finding | None:
    """Another module is reached only through its api; its internal only by the composition root."""
    if found.imported not in arch.modules or found.below == "api" or found.in_composition:
        return None
    if found.below == "internal":
        return found.finding(
            "ARCH-R1-INTERNAL",
            f"{found.kind} of {found.target} from {found.facts.module}: another module's internal",
            f"use a port from {arch.package}.{found.imported}.api; only {arch.composition_root} wires internals",
        )
    return found.finding(
        "ARCH-R1-NOT-API",
        f"{found.kind} of {found.target} from {found.facts.module}: modules meet only through their api",
        f"import it from {arch.package}.{found.imported}.api (re-export it there if it belongs to the contract)",
    )


def _layer(arch: Architecture, found: _Import) -> Finding | None:
    importer_layer, imported_layer = arch.layer_of(found.importer), arch.layer_of(found.imported)
    if importer_layer is None or imported_layer is None or imported_layer >= importer_layer:
        return None
    return found.finding(
        "ARCH-R2-LAYER",
        f"{found.kind} of {found.target}: layer {found.importer!r} may not import the higher layer {found.imported!r}",
        "invert the dependency: define a port in the lower layer and let the composition root wire it",
    )


def _undeclared(arch: Architecture, found: _Import) -> Finding | None:
    declared = arch.modules.get(found.importer)
    if declared is None or found.imported not in arch.modules or found.imported in declared or found.in_composition:
        return None
    return found.finding(
        "ARCH-R2-UNDECLARED",
        f"{found.kind} of {found.target}: module {found.importer!r} does not declare a dependency"
        f" on {found.imported!r}",
        f"declare it in [tool.aicmo.architecture.modules] {found.importer} (it must stay acyclic) or use an event",
    )


_RULES: tuple[Callable[[Architecture, _Import], Finding | None], ...] = (_through_api, _layer, _undeclared)


def _is_entry(arch: Architecture, found: _Import) -> bool:
    """The composition root is what the layers above it (the entry points) start the app with."""
    root = arch.composition_root
    importer_layer, root_layer = arch.layer_of(found.importer), arch.layer_of(root.split(".")[1])
    in_root = found.target == root or found.target.startswith(root + ".")
    return in_root and importer_layer is not None and root_layer is not None and importer_layer < root_layer


def undeclared_packages(arch: Architecture, packages: list[str]) -> Iterator[Finding]:
    """A finding for each top-level package (of `packages`, found on disk) that no layer names."""
    declared = {name for layer in arch.layers for name in layer}
    for name in sorted(packages):
        if name not in declared:
            yield Finding(
                "ARCH-DECLARATION",
                f"{arch.package_path}/{name}",
                1,
                name,
                f"package {name!r} is in no layer of the architecture declaration",
                "add it to [tool.aicmo.architecture] layers (and modules, if it is a module)",
            )
