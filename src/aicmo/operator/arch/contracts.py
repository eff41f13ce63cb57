"""R7: each module's contract — ports' signatures, DTO and event schemas, CONTRACT_VERSION —
snapshotted, and a changed contract must come with the matching semver bump."""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import json
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.kernel.ids import TypedId
from aicmo.operator.arch.declaration import Architecture
from aicmo.operator.arch.findings import Finding

SNAPSHOTS = Path("tests") / "contracts" / "snapshots"


def contract_of(arch: Architecture, module: str) -> dict[str, object]:
    """The contract of one module, read from its imported api package."""
    api = importlib.import_module(f"{arch.package}.{module}.api")
    contract: dict[str, object] = {
        "module": module,
        "contract_version": getattr(api, "CONTRACT_VERSION", None),
        "ports": {},
        "models": {},
        "enums": {},
        "ids": [],
        "other": [],
    }
    for name in sorted(getattr(api, "__all__", [])):
        if name == "CONTRACT_VERSION":
            continue
        value = getattr(api, name)
        if isinstance(value, type) and issubclass(value, BaseModel):
            contract["models"][name] = value.model_json_schema()
        elif isinstance(value, type) and issubclass(value, enum.Enum):
            contract["enums"][name] = [member.value for member in value]
        elif isinstance(value, type) and issubclass(value, TypedId):
            contract["ids"].append(name)
        elif isinstance(value, type) and getattr(value, "_is_protocol", False) or inspect.isabstract(value):
            contract["ports"][name] = _port(value)
        else:
            contract["other"].append(name)
    return contract


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
            hints = {k: v for k, v in member.__annotations__.items()}
        for hint in hints.values():
            text = hint if isinstance(hint, str) else f"{getattr(hint, '__module__', '')}.{hint!r}"
            if "sqlalchemy" in text:
                found.append(name)
    return found


def snapshot_path(arch: Architecture, module: str) -> Path:
    return arch.root / SNAPSHOTS / f"{module}.json"


def write_snapshots(arch: Architecture) -> list[Path]:
    """Rewrite every module's snapshot — only once each changed contract carries its version bump."""
    unbumped = [f for f in contract_findings(arch) if "without a" in f.message or "went down" in f.message]
    if unbumped:
        raise InvalidInput(
            "bump CONTRACT_VERSION first: these contracts changed without the matching version",
            [Problem(f.file, f"{f.message} — {f.fix.split(', then')[0]}") for f in unbumped],
        )
    written = []
    for module in sorted(arch.modules):
        path = snapshot_path(arch, module)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(contract_of(arch, module), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _changes(old: dict, new: dict) -> tuple[list[str], list[str]]:
    """(breaking, additive) differences between two contracts."""
    breaking, additive = [], []
    for section in ("ports", "models", "enums"):
        before, after = old.get(section, {}), new.get(section, {})
        for name in before.keys() - after.keys():
            breaking.append(f"{section[:-1]} {name} removed")
        for name in after.keys() - before.keys():
            additive.append(f"{section[:-1]} {name} added")
        for name in before.keys() & after.keys():
            if section == "ports":
                for method in before[name].keys() - after[name].keys():
                    breaking.append(f"{name}.{method} removed")
                for method in after[name].keys() - before[name].keys():
                    additive.append(f"{name}.{method} added")
                for method in before[name].keys() & after[name].keys():
                    if before[name][method] != after[name][method]:
                        extended = _only_optional_parameters_added(before[name][method], after[name][method])
                        (additive if extended else breaking).append(f"{name}.{method} signature {'extended' if extended else 'changed'}")
            elif section == "enums" and set(before[name]) <= set(after[name]) and before[name] != after[name]:
                additive.append(f"enum {name} gained values")
            elif section == "models":
                _schema_changes(name, before[name], after[name], breaking, additive)
            elif before[name] != after[name]:
                breaking.append(f"{section[:-1]} {name} changed")
    for name in set(old.get("ids", [])) - set(new.get("ids", [])):
        breaking.append(f"id {name} removed")
    for name in set(new.get("ids", [])) - set(old.get("ids", [])):
        additive.append(f"id {name} added")
    return breaking, additive


_DOCUMENTATION = ("title", "description")


@dataclass(frozen=True)
class _Parameter:
    name: str
    annotation: str
    optional: bool


def _parameters(signature: str) -> tuple[list[_Parameter], list[_Parameter], str]:
    """Positional and keyword-only parameters of a signature text, and its return annotation."""
    args = ast.parse(f"def f{signature}: pass").body[0].args
    first_default = len(args.args) - len(args.defaults)
    positional = [_Parameter(a.arg, ast.unparse(a.annotation) if a.annotation else "", i >= first_default) for i, a in enumerate(args.args)]
    keywords = [
        _Parameter(a.arg, ast.unparse(a.annotation) if a.annotation else "", d is not None) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    ]
    return positional, keywords, signature.rsplit("->", 1)[-1].strip()


def _only_optional_parameters_added(before: str, after: str) -> bool:
    """True when `after` is `before` plus parameters that all have defaults, with the same return type."""
    old_positional, old_keywords, old_return = _parameters(before)
    new_positional, new_keywords, new_return = _parameters(after)
    kept_keywords = [p for p in new_keywords if p.name in {k.name for k in old_keywords}]
    added = new_positional[len(old_positional):] + [p for p in new_keywords if p not in kept_keywords]
    return (
        old_return == new_return
        and new_positional[: len(old_positional)] == old_positional
        and kept_keywords == old_keywords
        and all(p.optional for p in added)
    )


def _schema_changes(name: str, before: dict, after: dict, breaking: list[str], additive: list[str]) -> None:
    """A new optional field is an addition; a removed, changed or newly required one breaks readers."""
    if before == after:
        return
    props_before, props_after = before.get("properties", {}), after.get("properties", {})
    required_before, required_after = set(before.get("required", [])), set(after.get("required", []))
    for field in props_before.keys() - props_after.keys():
        breaking.append(f"model {name} lost field {field}")
    for field in props_after.keys() - props_before.keys():
        (breaking if field in required_after else additive).append(f"model {name} gained field {field}")
    for field in props_before.keys() & props_after.keys():
        if _strip_docs(props_before[field]) != _strip_docs(props_after[field]) or (field in required_after - required_before):
            breaking.append(f"model {name} changed field {field}")
    defs_before, defs_after = before.get("$defs", {}), after.get("$defs", {})
    for nested in defs_before.keys() | defs_after.keys():
        if nested not in defs_after:
            breaking.append(f"model {name} dropped {nested}")
        elif nested in defs_before:
            _schema_changes(f"{name}.{nested}", defs_before[nested], defs_after[nested], breaking, additive)
    rest = ("properties", "required", "$defs", *_DOCUMENTATION)
    if {k: v for k, v in before.items() if k not in rest} != {k: v for k, v in after.items() if k not in rest}:
        breaking.append(f"model {name} changed")


def _strip_docs(schema: object) -> object:
    if isinstance(schema, dict):
        return {k: _strip_docs(v) for k, v in schema.items() if k not in _DOCUMENTATION}
    if isinstance(schema, list):
        return [_strip_docs(v) for v in schema]
    return schema


def _version(text: object) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in str(text).split("."))
    return major, minor, patch


def contract_findings(arch: Architecture) -> Iterator[Finding]:
    for module in sorted(arch.modules):
        init = f"src/{arch.package}/{module}/api/__init__.py"
        current = contract_of(arch, module)
        for name in current["other"]:
            yield _finding(init, module, f"{name} in the api is neither a pydantic model, an enum, an id nor a port", "make DTOs and events pydantic models")
        for name, port in current["ports"].items():
            for method in _sqlalchemy_in_signature(getattr(importlib.import_module(f"{arch.package}.{module}.api"), name)):
                yield _finding(init, module, f"port {name}.{method} has a SQLAlchemy type in its signature", "take and return DTOs")
        path = snapshot_path(arch, module)
        if not path.is_file():
            yield _finding(init, module, f"no contract snapshot {path.relative_to(arch.root)}", "run `aicmo arch snapshot` and commit it")
            continue
        old = json.loads(path.read_text(encoding="utf-8"))
        breaking, additive = _changes(old, current)
        yield from _version_rule(init, module, old["contract_version"], current["contract_version"], breaking, additive)


def _version_rule(init: str, module: str, old_text: object, new_text: object, breaking: list[str], additive: list[str]) -> Iterator[Finding]:
    old, new = _version(old_text), _version(new_text)
    if breaking and new[0] <= old[0]:
        yield _finding(init, module, f"breaking contract change ({'; '.join(breaking[:3])}) without a major bump from {old_text}", f"set CONTRACT_VERSION to {old[0] + 1}.0.0, then `aicmo arch snapshot`")
    elif additive and not breaking and new[:2] <= old[:2]:
        yield _finding(init, module, f"contract addition ({'; '.join(additive[:3])}) without a minor bump from {old_text}", f"set CONTRACT_VERSION to {old[0]}.{old[1] + 1}.0, then `aicmo arch snapshot`")
    elif (breaking or additive or new != old) and new > old:
        yield _finding(init, module, f"the snapshot still records {old_text}", "run `aicmo arch snapshot` and commit it")
    elif new < old:
        yield _finding(init, module, f"CONTRACT_VERSION went down from {old_text} to {new_text}", f"versions only go up: use {old_text} or higher")


def _finding(init: str, module: str, message: str, fix: str) -> Finding:
    return Finding("ARCH-R7-CONTRACT", init, 1, module, message, fix)
