"""What one source file says, as plain data: extracted once per file content and cached."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ImportRef:
    line: int
    target: str
    """The absolute dotted name imported (for `from a import b`: `a.b`, resolved later)."""
    fallback: str | None
    """For `from a import b`: `a`, used when `a.b` is a name rather than a module."""
    kind: str
    """import, relative, type_checking or dynamic — for the message."""


@dataclass
class Target:
    """What a write or a foreign key points at: local names to resolve, a table, or nothing known."""

    names: list[str] = field(default_factory=list)
    table: str | None = None
    unresolved: str | None = None
    soft: bool = False
    """True when the call may not be a database write at all (e.g. `x.update()`); ignore if unresolved."""


@dataclass
class Write:
    line: int
    kind: str
    target: Target


@dataclass
class TableDecl:
    line: int
    name: str | None
    """The class or variable that holds the table (None for an outbox)."""
    table: str | None
    base: str | None
    """The declarative base's local name, to find the owner."""


@dataclass
class ForeignKeyRef:
    line: int
    target: Target


@dataclass
class FileFacts:
    path: str
    module: str
    docstring: bool = False
    assigned: dict[str, Any] = field(default_factory=dict)
    """Module-level constants: name → literal value (or None when not a literal)."""
    other_statements: bool = False
    """Module level holds something besides imports, constants and the docstring."""
    imports: list[ImportRef] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    bases: dict[str, str] = field(default_factory=dict)
    """Local declarative bases: name → owner given to module_base()."""
    outboxes: dict[str, str] = field(default_factory=dict)
    """Local outbox models: name → the base they were defined on."""
    tables: list[TableDecl] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    foreign_keys: list[ForeignKeyRef] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileFacts:
        facts = cls(**{k: v for k, v in data.items() if k not in ("imports", "tables", "writes", "foreign_keys")})
        facts.imports = [ImportRef(**i) for i in data["imports"]]
        facts.tables = [TableDecl(**t) for t in data["tables"]]
        facts.writes = [Write(line=w["line"], kind=w["kind"], target=Target(**w["target"])) for w in data["writes"]]
        facts.foreign_keys = [ForeignKeyRef(line=f["line"], target=Target(**f["target"])) for f in data["foreign_keys"]]
        return facts
