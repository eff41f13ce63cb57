"""The SQL text an expression builds, with the parts only known at run time marked."""

from __future__ import annotations

import ast
from collections.abc import Callable

from aicmo_arch.adapters.python_facts.names import Lookup
from aicmo_arch.adapters.python_facts.sql import DYNAMIC

_MAX_DEPTH = 5


def sql_text(node: ast.AST | None, lookup: Lookup, depth: int = 0) -> str | None:
    """The SQL `node` builds, with run-time parts replaced by DYNAMIC; None when unknown."""
    if node is None or depth > _MAX_DEPTH:
        return None
    reader = _READERS.get(type(node))
    return reader(node, lookup, depth) if reader else None


def _constant(node: ast.Constant, _lookup: Lookup, _depth: int) -> str | None:
    return node.value if isinstance(node.value, str) else None


def _f_string(node: ast.JoinedStr, _lookup: Lookup, _depth: int) -> str:
    return "".join(v.value if isinstance(v, ast.Constant) else DYNAMIC for v in node.values)


def _operation(node: ast.BinOp, lookup: Lookup, depth: int) -> str | None:
    """`"…" + x` and `"…" % x`."""
    if not isinstance(node.op, (ast.Add, ast.Mod)):
        return None
    left = sql_text(node.left, lookup, depth + 1)
    right = sql_text(node.right, lookup, depth + 1) if isinstance(node.op, ast.Add) else ""
    if left is None and right is None:
        return None
    return (DYNAMIC if left is None else left) + (DYNAMIC if right is None else right)


def _format(node: ast.Call, lookup: Lookup, depth: int) -> str | None:
    """`"…{}".format(x)`."""
    if not (isinstance(node.func, ast.Attribute) and node.func.attr == "format"):
        return None
    template = sql_text(node.func.value, lookup, depth + 1)
    return None if template is None else template.replace("{", DYNAMIC + "{")


def _name(node: ast.Name, lookup: Lookup, depth: int) -> str | None:
    """A name assigned exactly once in reach."""
    values = lookup(node.id)
    return sql_text(values[0], lookup, depth + 1) if len(values) == 1 else None


_READERS: dict[type, Callable[..., str | None]] = {
    ast.Constant: _constant,
    ast.JoinedStr: _f_string,
    ast.BinOp: _operation,
    ast.Call: _format,
    ast.Name: _name,
}
