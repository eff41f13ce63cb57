"""Each module's contract, read from its api package as the code defines it."""

from __future__ import annotations

from typing import Protocol

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.rules.contract_versions import Contract


class ContractReader(Protocol):
    def readable(self, arch: Architecture) -> bool:
        """Whether the api packages read are the ones under this project's source folder."""
        ...

    def contract_of(self, arch: Architecture, module: str) -> Contract:
        """The module's contract as plain data (see `contract_versions`)."""
        ...

    def sqlalchemy_methods(self, arch: Architecture, module: str) -> list[str]:
        """The port methods (`Port.method`) whose signatures name a SQLAlchemy type."""
        ...

    def events(self, arch: Architecture, module: str) -> list[str]:
        """The names the api exports that are domain events (subclasses of `event_base`)."""
        ...
