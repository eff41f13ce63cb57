"""R1 and R2 on the source: internals stay private, layers point down, dependencies are declared."""

from __future__ import annotations

from collections.abc import Iterator

from aicmo.operator.arch.declaration import Architecture
from aicmo.operator.arch.facts import FileFacts, ImportRef
from aicmo.operator.arch.findings import Finding
from aicmo.operator.arch.tables import module_of

_KIND = {"import": "import", "relative": "relative import", "type_checking": "TYPE_CHECKING import", "dynamic": "importlib/__import__ import"}


def resolved_target(reference: ImportRef, modules: set[str]) -> str:
    """`from a import b`: `a.b` when that is a module, else `a`."""
    if reference.fallback is not None and reference.target not in modules:
        return reference.fallback
    return reference.target


def import_findings(arch: Architecture, files: list[FileFacts]) -> Iterator[Finding]:
    """One finding per offending import statement and target."""
    modules = {f.module for f in files}
    seen: set[tuple[str, int, str]] = set()
    for facts in files:
        importer_top = module_of(arch, facts.module)
        if importer_top is None:
            continue
        in_composition = facts.module == arch.composition_root or facts.module.startswith(arch.composition_root + ".")
        for reference in facts.imports:
            target = resolved_target(reference, modules)
            imported_top = module_of(arch, target)
            if imported_top is None or imported_top == importer_top:
                continue
            finding = _check(arch, facts, reference, target, importer_top, imported_top, in_composition)
            if finding is not None and (facts.path, reference.line, finding.rule) not in seen:
                seen.add((facts.path, reference.line, finding.rule))
                yield finding


def _check(
    arch: Architecture,
    facts: FileFacts,
    reference: ImportRef,
    target: str,
    importer_top: str,
    imported_top: str,
    in_composition: bool,
) -> Finding | None:
    kind = _KIND[reference.kind]
    if _is_entry(arch, target, importer_top):
        return None
    parts = target.split(".")
    below = parts[2] if len(parts) > 2 else None
    if imported_top in arch.modules and below == "internal" and not in_composition:
        return Finding(
            "ARCH-R1-INTERNAL",
            facts.path,
            reference.line,
            target,
            f"{kind} of {target} from {facts.module}: another module's internal",
            f"use a port from {arch.package}.{imported_top}.api; only {arch.composition_root} wires internals",
        )
    if imported_top in arch.modules and below != "api" and not in_composition:
        return Finding(
            "ARCH-R1-NOT-API",
            facts.path,
            reference.line,
            target,
            f"{kind} of {target} from {facts.module}: modules meet only through their api",
            f"import it from {arch.package}.{imported_top}.api (re-export it there if it belongs to the contract)",
        )
    importer_layer, imported_layer = arch.layer_of(importer_top), arch.layer_of(imported_top)
    if importer_layer is not None and imported_layer is not None and imported_layer < importer_layer:
        return Finding(
            "ARCH-R2-LAYER",
            facts.path,
            reference.line,
            target,
            f"{kind} of {target}: layer {importer_top!r} may not import the higher layer {imported_top!r}",
            "invert the dependency: define a port in the lower layer and let the composition root wire it",
        )
    if (
        importer_top in arch.modules
        and imported_top in arch.modules
        and imported_top not in arch.modules[importer_top]
        and not in_composition
    ):
        return Finding(
            "ARCH-R2-UNDECLARED",
            facts.path,
            reference.line,
            target,
            f"{kind} of {target}: module {importer_top!r} does not declare a dependency on {imported_top!r}",
            f"declare it in [tool.aicmo.architecture.modules] {importer_top} (it must stay acyclic) or use an event",
        )
    return None


def _is_entry(arch: Architecture, target: str, importer_top: str) -> bool:
    """The composition root is what the layers above it (the operator's entry points) start the app with."""
    root = arch.composition_root
    root_top = root.split(".")[1]
    importer_layer, root_layer = arch.layer_of(importer_top), arch.layer_of(root_top)
    in_root = target == root or target.startswith(root + ".")
    return in_root and importer_layer is not None and root_layer is not None and importer_layer < root_layer


def undeclared_packages(arch: Architecture) -> Iterator[Finding]:
    declared = {name for layer in arch.layers for name in layer}
    for child in sorted(arch.source.iterdir()):
        if (child / "__init__.py").is_file() and child.name not in declared:
            yield Finding(
                "ARCH-DECLARATION",
                child.relative_to(arch.root).as_posix(),
                1,
                child.name,
                f"package {child.name!r} is in no layer of the architecture declaration",
                "add it to [tool.aicmo.architecture] layers (and modules, if it is a module)",
            )
