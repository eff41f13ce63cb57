"""FakeContracts: each module's contract and events given as data."""

from __future__ import annotations

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.rules.contract_versions import Contract


class FakeContracts:
    def __init__(
        self, contracts: dict[str, Contract] | None = None, events: dict[str, list[str]] | None = None
    ) -> None:
        self.contracts = contracts or {}
        self.published = events or {}

    def readable(self, arch: Architecture) -> bool:
        return set(arch.modules) <= set(self.contracts)

    def contract_of(self, arch: Architecture, module: str) -> Contract:
        return self.contracts[module]

    def sqlalchemy_methods(self, arch: Architecture, module: str) -> list[str]:
        return []

    def events(self, arch: Architecture, module: str) -> list[str]:
        return self.published.get(module, [])
