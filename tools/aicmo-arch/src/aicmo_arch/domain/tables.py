"""The table registry read from the source: which model or Table names which table, owned by whom."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.facts import FileFacts, Target


@dataclass(frozen=True)
class TableInfo:
    table: str
    owner: str
    file: str
    line: int


def module_of(arch: Architecture, dotted: str) -> str | None:
    """The top-level package of a dotted name inside the project (`aicmo.qc.api` → `qc`)."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == arch.package else None


class TableRegistry:
    def __init__(self, arch: Architecture, files: list[FileFacts]) -> None:
        self.arch = arch
        self.by_symbol: dict[str, TableInfo] = {}
        self.by_table: dict[str, list[TableInfo]] = {}
        self.files = {f.module: f for f in files}
        for facts in files:
            for declaration in facts.tables:
                owner = self._owner(facts, declaration.base) or module_of(arch, facts.module) or "?"
                table = declaration.table or f"{owner}_outbox"
                info = TableInfo(table.lower(), owner, facts.path, declaration.line)
                if declaration.name:
                    self.by_symbol[f"{facts.module}.{declaration.name}"] = info
                self.by_table.setdefault(info.table, []).append(info)

    def _owner(self, facts: FileFacts, base: str | None) -> str | None:
        """The owner given to module_base() for `base`, looked up in this file or where it was imported from."""
        if base is None:
            return None
        if base in facts.bases:
            return facts.bases[base]
        if base in facts.outboxes:
            return self._owner(facts, facts.outboxes[base])
        origin = facts.aliases.get(base)
        if origin:
            module, _, name = origin.rpartition(".")
            source = self.files.get(module)
            if source is not None and name in source.bases:
                return source.bases[name]
        return None

    def resolve(self, facts: FileFacts, target: Target) -> list[TableInfo] | None:
        """The tables a target points at; None when no name resolves to a known table."""
        if target.table is not None:
            known = self.by_table.get(target.table)
            return known[:1] if known else [TableInfo(target.table, "", "", 0)]
        for name in target.names:
            symbol = facts.aliases.get(name) or f"{facts.module}.{name}"
            info = self.by_symbol.get(symbol)
            if info is not None:
                return [info]
        return None
