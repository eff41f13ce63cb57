"""R7: each module's contract — ports' signatures, DTO and event schemas, CONTRACT_VERSION — is
snapshotted, and a changed contract must come with the matching semver bump.

A contract is plain data: {"module", "contract_version", "ports": {name: {method: signature}},
"models": {name: JSON schema}, "enums": {name: [values]}, "ids": [names], "other": [names]}.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.findings import Finding

Contract = dict[str, object]
_DOCUMENTATION = ("title", "description")


@dataclass
class Changes:
    """Breaking and additive differences between two contracts."""

    breaking: list[str] = field(default_factory=list)
    additive: list[str] = field(default_factory=list)


def contract_findings(
    arch: Architecture, module: str, current: Contract, recorded: Contract | None, sqlalchemy_methods: list[str]
) -> Iterator[Finding]:
    """The findings of one module's contract against its snapshot (`recorded`, None when there is none)."""
    init = f"{arch.package_path}/{module}/api/__init__.py"
    for name in current["other"]:
        yield _finding(
            init,
            module,
            f"{name} in the api is neither a pydantic model, an enum, an id nor a port",
            "make DTOs and events pydantic models",
        )
    for method in sqlalchemy_methods:
        yield _finding(init, module, f"port {method} has a SQLAlchemy type in its signature", "take and return DTOs")
    if recorded is None:
        yield _finding(
            init,
            module,
            f"no contract snapshot {arch.snapshots}/{module}.json",
            "run `aicmo-arch snapshot` and commit it",
        )
        return
    changes = changes_between(recorded, current)
    yield from _version_rule(init, module, recorded["contract_version"], current["contract_version"], changes)


def is_unbumped(finding: Finding) -> bool:
    """A finding that a snapshot must not paper over: the version does not match the change."""
    return "without a" in finding.message or "went down" in finding.message


def changes_between(old: Contract, new: Contract) -> Changes:
    changes = Changes()
    for section, kind, compare in (
        ("ports", "port", _port_changes),
        ("models", "model", _schema_changes),
        ("enums", "enum", _enum_changes),
    ):
        before, after = old.get(section, {}), new.get(section, {})
        _name_changes(kind, before, after, changes)
        for name in before.keys() & after.keys():
            compare(name, before[name], after[name], changes)
    _name_changes("id", dict.fromkeys(old.get("ids", [])), dict.fromkeys(new.get("ids", [])), changes)
    return changes


def _name_changes(kind: str, before: dict, after: dict, changes: Changes) -> None:
    changes.breaking += [f"{kind} {name} removed" for name in before.keys() - after.keys()]
    changes.additive += [f"{kind} {name} added" for name in after.keys() - before.keys()]


def _port_changes(name: str, before: dict[str, str], after: dict[str, str], changes: Changes) -> None:
    changes.breaking += [f"{name}.{method} removed" for method in before.keys() - after.keys()]
    changes.additive += [f"{name}.{method} added" for method in after.keys() - before.keys()]
    for method in before.keys() & after.keys():
        if before[method] == after[method]:
            continue
        if _only_optional_parameters_added(before[method], after[method]):
            changes.additive.append(f"{name}.{method} signature extended")
        else:
            changes.breaking.append(f"{name}.{method} signature changed")


def _enum_changes(name: str, before: list, after: list, changes: Changes) -> None:
    if before == after:
        return
    if set(before) <= set(after):
        changes.additive.append(f"enum {name} gained values")
    else:
        changes.breaking.append(f"enum {name} changed")


@dataclass(frozen=True)
class _Parameter:
    name: str
    annotation: str
    optional: bool


def _parameters(signature: str) -> tuple[list[_Parameter], list[_Parameter], str]:
    """Positional and keyword-only parameters of a signature text, and its return annotation."""
    args = ast.parse(f"def f{signature}: pass").body[0].args
    first_default = len(args.args) - len(args.defaults)
    positional = [_Parameter(a.arg, _annotation(a), i >= first_default) for i, a in enumerate(args.args)]
    keywords = [
        _Parameter(a.arg, _annotation(a), d is not None) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    ]
    return positional, keywords, signature.rsplit("->", 1)[-1].strip()


def _annotation(argument: ast.arg) -> str:
    return ast.unparse(argument.annotation) if argument.annotation else ""


def _only_optional_parameters_added(before: str, after: str) -> bool:
    """True when `after` is `before` plus parameters that all have defaults, with the same return type."""
    old_positional, old_keywords, old_return = _parameters(before)
    new_positional, new_keywords, new_return = _parameters(after)
    kept_keywords = [p for p in new_keywords if p.name in {k.name for k in old_keywords}]
    added = new_positional[len(old_positional) :] + [p for p in new_keywords if p not in kept_keywords]
    return (
        old_return == new_return
        and new_positional[: len(old_positional)] == old_positional
        and kept_keywords == old_keywords
        and all(p.optional for p in added)
    )


def _schema_changes(name: str, before: dict, after: dict, changes: Changes) -> None:
    """A new optional field is an addition; a removed, changed or newly required one breaks readers."""
    if before == after:
        return
    _field_changes(name, before, after, changes)
    defs_before, defs_after = before.get("$defs", {}), after.get("$defs", {})
    for nested in defs_before.keys() | defs_after.keys():
        if nested not in defs_after:
            changes.breaking.append(f"model {name} dropped {nested}")
        elif nested in defs_before:
            _schema_changes(f"{name}.{nested}", defs_before[nested], defs_after[nested], changes)
    rest = ("properties", "required", "$defs", *_DOCUMENTATION)
    if {k: v for k, v in before.items() if k not in rest} != {k: v for k, v in after.items() if k not in rest}:
        changes.breaking.append(f"model {name} changed")


def _field_changes(name: str, before: dict, after: dict, changes: Changes) -> None:
    props_before, props_after = before.get("properties", {}), after.get("properties", {})
    newly_required = set(after.get("required", [])) - set(before.get("required", []))
    changes.breaking += [f"model {name} lost field {field}" for field in props_before.keys() - props_after.keys()]
    for field_name in props_after.keys() - props_before.keys():
        (changes.breaking if field_name in after.get("required", []) else changes.additive).append(
            f"model {name} gained field {field_name}"
        )
    changes.breaking += [
        f"model {name} changed field {field_name}"
        for field_name in props_before.keys() & props_after.keys()
        if _strip_docs(props_before[field_name]) != _strip_docs(props_after[field_name]) or field_name in newly_required
    ]


def _strip_docs(schema: object) -> object:
    if isinstance(schema, dict):
        return {k: _strip_docs(v) for k, v in schema.items() if k not in _DOCUMENTATION}
    if isinstance(schema, list):
        return [_strip_docs(v) for v in schema]
    return schema


def _version(text: object) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in str(text).split("."))
    return major, minor, patch


def _version_rule(init: str, module: str, old_text: object, new_text: object, changes: Changes) -> Iterator[Finding]:
    old, new = _version(old_text), _version(new_text)
    breaking, additive = changes.breaking, changes.additive
    if breaking and new[0] <= old[0]:
        yield _finding(
            init,
            module,
            f"breaking contract change ({'; '.join(breaking[:3])}) without a major bump from {old_text}",
            f"set CONTRACT_VERSION to {old[0] + 1}.0.0, then `aicmo-arch snapshot`",
        )
    elif additive and not breaking and new[:2] <= old[:2]:
        yield _finding(
            init,
            module,
            f"contract addition ({'; '.join(additive[:3])}) without a minor bump from {old_text}",
            f"set CONTRACT_VERSION to {old[0]}.{old[1] + 1}.0, then `aicmo-arch snapshot`",
        )
    elif new > old:
        yield _finding(
            init, module, f"the snapshot still records {old_text}", "run `aicmo-arch snapshot` and commit it"
        )
    elif new < old:
        yield _finding(
            init,
            module,
            f"CONTRACT_VERSION went down from {old_text} to {new_text}",
            f"versions only go up: use {old_text} or higher",
        )


def _finding(init: str, module: str, message: str, fix: str) -> Finding:
    return Finding("ARCH-R7-CONTRACT", init, 1, module, message, fix)
