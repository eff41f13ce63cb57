"""Contracts read from the project's api packages, imported with Python's import system."""

from __future__ import annotations

import enum
import importlib
import inspect
import sys
import typing
from pathlib import Path
from types import ModuleType

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.rules.contract_versions import Contract


class ImportedContracts:
    def __init__(self, root: Path) -> None:
        self.root = root

    def readable(self, arch: Architecture) -> bool:
        source = (self.root / arch.source).resolve()
        if arch.package not in sys.modules and str(source) not in sys.path:
            sys.path.insert(0, str(source))
        try:
            package = importlib.import_module(arch.package)
        except ImportError:
            return False
        return Path(package.__file__ or "").resolve().is_relative_to(source)

    def contract_of(self, arch: Architecture, module: str) -> Contract:
        api = _api(arch, module)
        contract: Contract = {"module": module, "contract_version": getattr(api, "CONTRACT_VERSION", None)}
        contract.update({"ports": {}, "models": {}, "enums": {}, "ids": [], "other": []})
        id_base = _dotted(arch.id_base)
        for name in sorted(getattr(api, "__all__", [])):
            if name != "CONTRACT_VERSION":
                _classify(contract, name, getattr(api, name), id_base)
        return contract

    def sqlalchemy_methods(self, arch: Architecture, module: str) -> list[str]:
        api = _api(arch, module)
        ports = self.contract_of(arch, module)["ports"]
        return [f"{name}.{method}" for name in ports for method in _sqlalchemy_in_signature(getattr(api, name))]

    def events(self, arch: Architecture, module: str) -> list[str]:
        base = _dotted(arch.event_base)
        if base is None:
            return []
        api = _api(arch, module)
        exported = [(name, getattr(api, name, None)) for name in getattr(api, "__all__", [])]
        return sorted(name for name, value in exported if isinstance(value, type) and issubclass(value, base))


def _api(arch: Architecture, module: str) -> ModuleType:
    return importlib.import_module(f"{arch.package}.{module}.api")


def _dotted(name: str | None) -> type | None:
    """The class a dotted name (`package.module.Class`) names."""
    if name is None:
        return None
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


def _classify(contract: Contract, name: str, value: object, id_base: type | None) -> None:
    """File an exported name under models, enums, ids, ports or other."""
    if not isinstance(value, type):
        contract["other"].append(name)
    elif hasattr(value, "model_json_schema"):
        contract["models"][name] = value.model_json_schema()
    elif issubclass(value, enum.Enum):
        contract["enums"][name] = [member.value for member in value]
    elif id_base is not None and issubclass(value, id_base):
        contract["ids"].append(name)
    elif getattr(value, "_is_protocol", False) or inspect.isabstract(value):
        contract["ports"][name] = _port(value)
    else:
        contract["other"].append(name)


def _port(port: type) -> dict[str, str]:
    return {
        name: str(inspect.signature(member))
        for name, member in sorted(vars(port).items())
        if inspect.isfunction(member) and not name.startswith("_")
    }


def _sqlalchemy_in_signature(port: type) -> list[str]:
    found = []
    for name, member in vars(port).items():
        if not inspect.isfunction(member):
            continue
        try:
            hints = typing.get_type_hints(member)
        except Exception:  # noqa: BLE001 - unresolvable hints are read as text below
            hints = dict(member.__annotations__)
        texts = [
            hint if isinstance(hint, str) else f"{getattr(hint, '__module__', '')}.{hint!r}" for hint in hints.values()
        ]
        found += [name for text in texts if "sqlalchemy" in text]
    return found
