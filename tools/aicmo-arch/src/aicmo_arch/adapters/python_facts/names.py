"""Small readers of syntax nodes shared by the extractors."""

from __future__ import annotations

import ast
from collections.abc import Callable

Lookup = Callable[[str], list[ast.AST]]
"""The values a local name was assigned, as far as the file tells."""


def name_of(node: ast.AST) -> str | None:
    """`x` for `x` and for `a.b.x`; None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def dotted(node: ast.AST) -> str | None:
    """`a.b.c` for that chain of attributes on a name."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def query_in(node: ast.AST) -> ast.Call | None:
    """The `query(Model)` call at the root of an ORM chain such as `session.query(M).filter(…)`."""
    while isinstance(node, (ast.Call, ast.Attribute)):
        if isinstance(node, ast.Call) and name_of(node.func) == "query":
            return node
        node = node.func if isinstance(node, ast.Call) else node.value
    return None
