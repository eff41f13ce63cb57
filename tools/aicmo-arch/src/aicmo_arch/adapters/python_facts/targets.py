"""What a write or a foreign key points at: the model or table names an expression stands for."""

from __future__ import annotations

import ast

from aicmo_arch.adapters.python_facts.names import Lookup, name_of
from aicmo_arch.domain.facts import Target

_MAX_DEPTH = 8


def target_of(node: ast.AST, lookup: Lookup) -> Target:
    """The model or table an expression stands for, as far as the file tells."""
    collection = _Collection(lookup)
    collection.collect(node, 0)
    if collection.names:
        return Target(names=collection.names)
    return Target(
        unresolved=collection.reasons[0] if collection.reasons else f"cannot tell what `{ast.unparse(node)[:60]}` is"
    )


def _is_class_name(name: str | None) -> bool:
    return bool(name) and name[:1].isupper()


class _Collection:
    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.names: list[str] = []
        self.reasons: list[str] = []
        self.seen: set[int] = set()

    def collect(self, node: ast.AST, depth: int) -> None:
        if depth > _MAX_DEPTH or id(node) in self.seen:
            return
        self.seen.add(id(node))
        reader = _READERS.get(type(node))
        if reader is None:
            self.reasons.append(f"cannot tell what `{ast.unparse(node)[:60]}` is")
        else:
            reader(self, node, depth + 1)

    def _name(self, node: ast.Name, depth: int) -> None:
        values = self.lookup(node.id)
        if not values:
            self.names.append(node.id)
        for value in values:
            self.collect(value, depth)

    def _attribute(self, node: ast.Attribute, depth: int) -> None:
        if _is_class_name(node.attr):
            self.names.append(node.attr)
        else:
            self.collect(node.value, depth)

    def _call(self, node: ast.Call, depth: int) -> None:
        """`Model(…)` names Model; the arguments and the object of a method call are followed."""
        called = name_of(node.func)
        if _is_class_name(called):
            self.names.append(called)
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            if isinstance(argument, (ast.Name, ast.Call, ast.Attribute)):
                self.collect(argument, depth)
        if isinstance(node.func, ast.Attribute) and not _is_class_name(called):
            self.collect(node.func.value, depth)

    def _elements(self, node: ast.List | ast.Tuple | ast.Set, depth: int) -> None:
        for element in node.elts:
            self.collect(element, depth)

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp, depth: int) -> None:
        self.collect(node.elt, depth)

    def _starred(self, node: ast.Starred, depth: int) -> None:
        self.collect(node.value, depth)

    def _subscript(self, node: ast.Subscript, depth: int) -> None:
        """`list[Model]` in an annotation names Model."""
        self.collect(node.slice, depth)

    def _union(self, node: ast.BinOp, depth: int) -> None:
        """`Model | None` in an annotation names Model."""
        if isinstance(node.op, ast.BitOr):
            self.collect(node.left, depth)
            self.collect(node.right, depth)
        else:
            self.reasons.append(f"cannot tell what `{ast.unparse(node)[:60]}` is")


_READERS = {
    ast.Name: _Collection._name,
    ast.Attribute: _Collection._attribute,
    ast.Call: _Collection._call,
    ast.List: _Collection._elements,
    ast.Tuple: _Collection._elements,
    ast.Set: _Collection._elements,
    ast.ListComp: _Collection._comprehension,
    ast.SetComp: _Collection._comprehension,
    ast.GeneratorExp: _Collection._comprehension,
    ast.Starred: _Collection._starred,
    ast.Subscript: _Collection._subscript,
    ast.BinOp: _Collection._union,
}
