"""A finding: which rule, where, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Finding:
    rule: str
    file: str
    line: int
    target: str
    """What the finding is about (a table, a module): with rule and file, the allowlist key."""
    message: str
    fix: str

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"

    def to_json(self) -> dict[str, object]:
        return asdict(self)


RULES = {
    "ARCH-DECLARATION": "The architecture declaration names every package once",
    "ARCH-ANATOMY": "Every module has the anatomy of a module: api/ (its only public face) and internal/",
    "ARCH-R1-INTERNAL": "A module's internal is imported only by itself and the composition root",
    "ARCH-R1-NOT-API": "Other modules use a module only through its api package",
    "ARCH-R2-LAYER": "A layer imports only the layers below it",
    "ARCH-R2-UNDECLARED": "A module imports only the modules it declares",
    "ARCH-R3-WRITE": "Only a table's owning module writes it",
    "ARCH-R3-UNRESOLVED": "Every write names its table so its owner can be checked",
    "ARCH-R3-PREFIX": "A table's name starts with its owner's name",
    "ARCH-R3-DUPLICATE-TABLE": "A table has exactly one owner",
    "ARCH-R4-FOREIGN-KEY": "No foreign key crosses a module boundary",
    "ARCH-R6-ALLOWLIST": "The allowlist only shrinks and holds no stale entry",
    "ARCH-R7-CONTRACT": "A changed contract comes with the matching version bump",
    "ARCH-IMPORT-LINTER": "The import-linter contracts mirror the declaration",
}
