"""R3 and R4 on the source: who writes which table, table names, foreign keys."""

from __future__ import annotations

from collections.abc import Iterator

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.facts import FileFacts, Write
from aicmo_arch.domain.findings import Finding
from aicmo_arch.domain.tables import TableRegistry, module_of

PORT_FIX = "call a port of the owning module instead (add one to its api if none fits)"


def writer_of(arch: Architecture, facts: FileFacts) -> str | None:
    """The module allowed to write from this file: only a module's own `internal` writes."""
    module = module_of(arch, facts.module)
    if module in arch.modules and facts.module.startswith(f"{arch.package}.{module}.internal"):
        return module
    return None


def ownership_findings(arch: Architecture, files: list[FileFacts], registry: TableRegistry) -> Iterator[Finding]:
    yield from _table_names(arch, registry)
    for facts in files:
        yield from _write_findings(arch, facts, registry)
        yield from _foreign_key_findings(arch, facts, registry)


def _write_findings(arch: Architecture, facts: FileFacts, registry: TableRegistry) -> Iterator[Finding]:
    writer = writer_of(arch, facts)
    for write in facts.writes:
        tables = registry.resolve(facts, write.target)
        if tables is None:
            if not write.target.soft:
                yield _unresolved(facts, write)
            continue
        for info in tables:
            if info.owner != writer:
                owner = f"owned by {info.owner!r}" if info.owner else "owned by no module"
                where = f"module {writer!r}" if writer else f"{facts.module} (outside any module's internal)"
                message = f"{write.kind} writes {info.table!r}, {owner}, from {where}"
                yield Finding("ARCH-R3-WRITE", facts.path, write.line, info.table, message, PORT_FIX)


def _unresolved(facts: FileFacts, write: Write) -> Finding:
    reason = write.target.unresolved or f"none of {write.target.names[:4]} is a known model or table"
    return Finding(
        "ARCH-R3-UNRESOLVED",
        facts.path,
        write.line,
        write.kind,
        f"{write.kind} writes a table that cannot be told statically: {reason}",
        "write through a model class or a literal table name of your own module",
    )


def _foreign_key_findings(arch: Architecture, facts: FileFacts, registry: TableRegistry) -> Iterator[Finding]:
    declaring = module_of(arch, facts.module)
    for reference in facts.foreign_keys:
        for info in registry.resolve(facts, reference.target) or []:
            if info.owner and info.owner != declaring:
                yield Finding(
                    "ARCH-R4-FOREIGN-KEY",
                    facts.path,
                    reference.line,
                    info.table,
                    f"foreign key from module {declaring!r} into {info.table!r} of module {info.owner!r}",
                    "keep the other module's id as a plain column (Uuid) without ForeignKey",
                )


def _table_names(arch: Architecture, registry: TableRegistry) -> Iterator[Finding]:
    for table, declarations in sorted(registry.by_table.items()):
        owners = sorted({d.owner for d in declarations})
        if len(owners) > 1:
            places = ", ".join(f"{d.file}:{d.line} ({d.owner})" for d in declarations)
            first = declarations[0]
            yield Finding(
                "ARCH-R3-DUPLICATE-TABLE",
                first.file,
                first.line,
                table,
                f"table {table!r} is declared by {len(owners)} modules: {places}",
                "keep the table in one module; the others read it through that module's port",
            )
        for declaration in declarations:
            if declaration.owner not in arch.modules:
                yield Finding(
                    "ARCH-R3-PREFIX",
                    declaration.file,
                    declaration.line,
                    table,
                    f"table {table!r} is declared outside any module ({declaration.owner!r})",
                    "declare it in a module's internal package, on that module's base",
                )
            elif not table.startswith(f"{declaration.owner}_"):
                yield Finding(
                    "ARCH-R3-PREFIX",
                    declaration.file,
                    declaration.line,
                    table,
                    f"table {table!r} of module {declaration.owner!r} lacks the prefix {declaration.owner + '_'!r}",
                    f"rename it to {declaration.owner}_{table} (and add a migration)",
                )
