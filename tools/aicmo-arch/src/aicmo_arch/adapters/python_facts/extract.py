"""One pass over one file's syntax tree: its imports, tables, writes and foreign keys."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Callable

from aicmo_arch.adapters.python_facts.names import dotted, name_of, query_in
from aicmo_arch.adapters.python_facts.sql import DYNAMIC, is_write, sql_targets
from aicmo_arch.adapters.python_facts.sql_text import sql_text
from aicmo_arch.adapters.python_facts.targets import target_of
from aicmo_arch.domain.facts import FileFacts, ForeignKeyRef, ImportRef, TableDecl, Target, Write

SESSION_WRITES = {"add", "add_all", "merge", "delete"}
BULK_WRITES = {"bulk_save_objects", "bulk_insert_mappings", "bulk_update_mappings"}
CORE_WRITES = {"insert", "update", "delete"}
SQL_SINKS = {"exec_driver_sql"}
SQL_EXECUTORS = {"execute", "executemany", "executescript"}
SESSION_FACTORIES = {"session_for", "Session", "sessionmaker", "begin", "session"}
DYNAMIC_IMPORTERS = {"import_module", "__import__"}
BASE_FACTORY = "module_base"
"""`Base = module_base("qc")` makes a declarative base whose tables the module `qc` owns."""
OUTBOX_FACTORY = "define_outbox"
"""`Outbox = define_outbox(Base)` declares the table `<owner>_outbox` on that base."""


def extract(source: str, path: str, module: str, is_package: bool) -> FileFacts:
    tree = ast.parse(source)
    facts = FileFacts(path=path, module=module, docstring=ast.get_docstring(tree) is not None)
    _module_level(tree, facts)
    _Visitor(facts, package=module if is_package else module.rpartition(".")[0]).visit(tree)
    return facts


def _module_level(tree: ast.Module, facts: FileFacts) -> None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            facts.assigned[node.targets[0].id] = _literal(node.value)
        elif not isinstance(node, (ast.Import, ast.ImportFrom)) and not _is_docstring(node):
            facts.other_statements = True


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def _literal(node: ast.AST) -> object:
    """A string or a list of strings (CONTRACT_VERSION, __all__); None for anything else."""
    try:
        value = ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


class _Visitor(ast.NodeVisitor):
    def __init__(self, facts: FileFacts, package: str) -> None:
        self.facts = facts
        self.package = package
        self.scopes: list[dict[str, list[ast.AST]]] = [defaultdict(list)]
        self.sessions: list[set[str]] = [set()]
        self.type_checking = 0

    # -- scopes ------------------------------------------------------------------
    def _bind(self, target: ast.AST, value: ast.AST) -> None:
        if isinstance(target, ast.Name):
            self.scopes[-1][target.id].append(value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._bind(element, value)

    def _lookup(self, name: str) -> list[ast.AST]:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return []

    def _is_session(self, node: ast.AST) -> bool:
        name = name_of(node)
        return name is not None and ("session" in name.lower() or any(name in s for s in self.sessions))

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scopes.append(defaultdict(list))
        self.sessions.append(set())
        for arg in node.args.args + node.args.kwonlyargs:
            if arg.annotation is not None and "Session" in ast.unparse(arg.annotation):
                self.sessions[-1].add(arg.arg)
            elif arg.annotation is not None:
                # a parameter stands for what its annotation names: `run: RunRow`, `rows: list[RunRow]`
                self.scopes[-1][arg.arg].append(arg.annotation)
        for statement in node.body:
            self._prebind(statement)
        self.generic_visit(node)
        self.scopes.pop()
        self.sessions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def _prebind(self, statement: ast.AST) -> None:
        """Bind every assignment of a function before visiting it, so a name's values are known wherever it is used."""
        for node in ast.walk(statement):
            binder = _BINDERS.get(type(node))
            if binder is not None:
                binder(self, node)

    def _bind_assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._bind(target, node.value)

    def _bind_annotated(self, node: ast.AnnAssign | ast.AugAssign | ast.NamedExpr) -> None:
        if node.value is not None:
            self._bind(node.target, node.value)

    def _bind_loop(self, node: ast.For | ast.AsyncFor | ast.comprehension) -> None:
        self._bind(node.target, ast.List(elts=[node.iter]))

    def _bind_with(self, node: ast.withitem) -> None:
        if node.optional_vars is None:
            return
        self._bind(node.optional_vars, node.context_expr)
        opens_session = isinstance(node.context_expr, ast.Call) and name_of(node.context_expr.func) in SESSION_FACTORIES
        if opens_session and isinstance(node.optional_vars, ast.Name):
            self.sessions[-1].add(node.optional_vars.id)

    def visit_Module(self, node: ast.Module) -> None:
        for statement in node.body:
            if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self._prebind(statement)
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        guarded = "TYPE_CHECKING" in ast.unparse(node.test)
        self.type_checking += guarded
        for statement in node.body:
            self.visit(statement)
        self.type_checking -= guarded
        for statement in node.orelse:
            self.visit(statement)

    # -- imports -----------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            kind = "type_checking" if self.type_checking else "import"
            self.facts.imports.append(ImportRef(node.lineno, alias.name, None, kind))
            self.facts.aliases[alias.asname or alias.name.split(".")[0]] = (
                alias.name if alias.asname else alias.name.split(".")[0]
            )

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = self._absolute(node.module, node.level)
        kind = "type_checking" if self.type_checking else "relative" if node.level else "import"
        for alias in node.names:
            target = f"{base}.{alias.name}" if alias.name != "*" else base
            self.facts.imports.append(ImportRef(node.lineno, target, base, kind))
            self.facts.aliases[alias.asname or alias.name] = target

    def _absolute(self, module: str | None, level: int) -> str:
        if not level:
            return module or ""
        parts = self.package.split(".")
        base = ".".join(parts[: len(parts) - level + 1])
        return f"{base}.{module}" if module else base

    # -- tables ------------------------------------------------------------------
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for statement in node.body:
            if (
                isinstance(statement, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__tablename__" for t in statement.targets)
                and isinstance(statement.value, ast.Constant)
            ):
                base = next((name_of(b) for b in node.bases if name_of(b)), None)
                self.facts.tables.append(TableDecl(node.lineno, node.name, str(statement.value.value), base))
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0] if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) else None
        if target is not None and isinstance(node.value, ast.Call):
            declare = _DECLARATIONS.get(name_of(node.value.func) or "")
            first = node.value.args[0] if node.value.args else None
            if declare is not None and first is not None:
                declare(self, target.id, node.value, first)
        self.generic_visit(node)

    def _declare_base(self, name: str, _call: ast.Call, first: ast.AST) -> None:
        if isinstance(first, ast.Constant):
            self.facts.bases[name] = str(first.value)

    def _declare_outbox(self, name: str, call: ast.Call, first: ast.AST) -> None:
        if base := name_of(first):
            self.facts.outboxes[name] = base
            self.facts.tables.append(TableDecl(call.lineno, name, None, base))

    def _declare_table(self, name: str, call: ast.Call, first: ast.AST) -> None:
        if isinstance(first, ast.Constant) and self._is_sqlalchemy(call.func):
            self.facts.tables.append(TableDecl(call.lineno, name, str(first.value), None))

    # -- calls: writes, foreign keys, dynamic imports -------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        """The first reader whose kind of call this is records what it says."""
        for reader in _CALL_READERS:
            if reader(self, node, name_of(node.func)):
                break
        self.generic_visit(node)

    def _session_write(self, node: ast.Call, called: str | None) -> bool:
        func = node.func
        if not (isinstance(func, ast.Attribute) and called in SESSION_WRITES | BULK_WRITES):
            return False
        if not (called in BULK_WRITES or self._is_session(func.value)):
            return False
        for argument in node.args[:1]:
            self._write(node, f"session.{called}", self._target(argument))
        return True

    def _core_write(self, node: ast.Call, called: str | None) -> bool:
        if called not in CORE_WRITES or not self._is_sqlalchemy(node.func):
            return False
        if node.args:
            self._write(node, f"{called}()", self._target(node.args[0]))
        return True

    def _query_write(self, node: ast.Call, called: str | None) -> bool:
        func = node.func
        query = query_in(func.value) if isinstance(func, ast.Attribute) and called in ("update", "delete") else None
        if query is None:
            return False
        self._write(
            node,
            f"query.{called}()",
            self._target(query.args[0]) if query.args else Target(unresolved="query() without a model"),
        )
        return True

    def _table_write(self, node: ast.Call, called: str | None) -> bool:
        """`Model.__table__.insert()`, `some_table.delete()`; `x.update()` on anything else may be no write."""
        func = node.func
        if not (isinstance(func, ast.Attribute) and called in CORE_WRITES and not node.args):
            return False
        owner = func.value
        if isinstance(owner, ast.Attribute) and owner.attr == "__table__":
            self._write(node, f".{called}()", self._target(owner.value))
        elif name := name_of(owner):
            target = self._target(owner)
            target.soft = not name.lower().endswith("table")
            self._write(node, f".{called}()", target)
        return True

    def _sql_call(self, node: ast.Call, called: str | None) -> bool:
        if called == "text" and self._is_sqlalchemy(node.func) or called in SQL_SINKS:
            self._sql(node.args[0] if node.args else None, node.lineno, f"{called}()", explicit=True)
            return True
        if isinstance(node.func, ast.Attribute) and called in SQL_EXECUTORS and node.args:
            self._sql(node.args[0], node.lineno, f".{called}()", explicit=False)
            return True
        return False

    def _foreign_key(self, node: ast.Call, called: str | None) -> bool:
        if called not in ("ForeignKey", "ForeignKeyConstraint"):
            return False
        columns = (
            node.args[1]
            if called == "ForeignKeyConstraint" and len(node.args) > 1
            else node.args[0]
            if node.args
            else None
        )
        references = (
            columns.elts if isinstance(columns, (ast.List, ast.Tuple)) else [columns] if columns is not None else []
        )
        for reference in references:
            if isinstance(reference, ast.Constant) and isinstance(reference.value, str):
                table = reference.value.rsplit(".", 1)[0].split(".")[-1]
                self.facts.foreign_keys.append(ForeignKeyRef(node.lineno, Target(table=table)))
            else:
                self.facts.foreign_keys.append(ForeignKeyRef(node.lineno, self._target(reference)))
        return True

    def _dynamic_import(self, node: ast.Call, called: str | None) -> bool:
        if called not in DYNAMIC_IMPORTERS or not node.args or not isinstance(node.args[0], ast.Constant):
            return False
        name = str(node.args[0].value)
        package = next(
            (k.value for k in node.keywords if k.arg == "package" and isinstance(k.value, ast.Constant)), None
        )
        if name.startswith(".") and isinstance(package, str):
            level = len(name) - len(name.lstrip("."))
            parts = package.split(".")
            name = ".".join(parts[: len(parts) - level + 1]) + "." + name.lstrip(".")
        self.facts.imports.append(ImportRef(node.lineno, name, None, "dynamic"))
        return True

    def _write(self, node: ast.Call, kind: str, target: Target) -> None:
        self.facts.writes.append(Write(node.lineno, kind, target))

    def _is_sqlalchemy(self, func: ast.AST) -> bool:
        head = (dotted(func) or "").split(".")[0]
        return self.facts.aliases.get(head, "").startswith("sqlalchemy")

    def _target(self, node: ast.AST) -> Target:
        return target_of(node, self._lookup)

    # -- SQL -----------------------------------------------------------------------
    def _sql(self, node: ast.AST | None, line: int, kind: str, *, explicit: bool) -> None:
        """The writes of the SQL text `node` builds; `explicit` when the call always runs SQL (`text()`)."""
        text = sql_text(node, self._lookup)
        if text is None:
            if explicit:
                reason = f"SQL built at run time ({ast.unparse(node)[:60] if node else 'no argument'})"
                self.facts.writes.append(Write(line, kind, Target(unresolved=reason)))
        elif is_write(text.replace(DYNAMIC, "x")):
            self.facts.writes += [Write(line, kind, target) for target in _sql_write_targets(text)]
        elif text.lstrip().startswith(DYNAMIC):
            self.facts.writes.append(Write(line, kind, Target(unresolved="SQL whose statement is chosen at run time")))


def _sql_write_targets(text: str) -> list[Target]:
    tables = sql_targets(text)
    if tables is None:
        return [Target(unresolved="SQL whose written table sqlglot cannot read")]
    return [
        Target(unresolved="SQL whose table is chosen at run time") if DYNAMIC.lower() in table else Target(table=table)
        for table in tables
    ]


_BINDERS: dict[type, Callable[[_Visitor, ast.AST], None]] = {
    ast.Assign: _Visitor._bind_assign,
    ast.AnnAssign: _Visitor._bind_annotated,
    ast.AugAssign: _Visitor._bind_annotated,
    ast.NamedExpr: _Visitor._bind_annotated,
    ast.For: _Visitor._bind_loop,
    ast.AsyncFor: _Visitor._bind_loop,
    ast.comprehension: _Visitor._bind_loop,
    ast.withitem: _Visitor._bind_with,
}
_DECLARATIONS: dict[str, Callable[[_Visitor, str, ast.Call, ast.AST], None]] = {
    BASE_FACTORY: _Visitor._declare_base,
    OUTBOX_FACTORY: _Visitor._declare_outbox,
    "Table": _Visitor._declare_table,
}
_CALL_READERS: tuple[Callable[[_Visitor, ast.Call, str | None], bool], ...] = (
    _Visitor._session_write,
    _Visitor._core_write,
    _Visitor._query_write,
    _Visitor._table_write,
    _Visitor._sql_call,
    _Visitor._foreign_key,
    _Visitor._dynamic_import,
)
