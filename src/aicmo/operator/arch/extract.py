"""One pass over one file's syntax tree: its imports, tables, writes and foreign keys."""

from __future__ import annotations

import ast
from collections import defaultdict

from aicmo.operator.arch.facts import FileFacts, ForeignKeyRef, ImportRef, TableDecl, Target, Write
from aicmo.operator.arch.sql import DYNAMIC, is_write, sql_targets

SESSION_WRITES = {"add", "add_all", "merge", "delete"}
BULK_WRITES = {"bulk_save_objects", "bulk_insert_mappings", "bulk_update_mappings"}
CORE_WRITES = {"insert", "update", "delete"}
SQL_SINKS = {"exec_driver_sql"}
SQL_EXECUTORS = {"execute", "executemany", "executescript"}
SESSION_FACTORIES = {"session_for", "Session", "sessionmaker", "begin", "session"}
DYNAMIC_IMPORTERS = {"import_module", "__import__"}


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
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        else:
            facts.other_statements = True


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


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _query_in(node: ast.AST) -> ast.Call | None:
    """The `query(Model)` call at the root of an ORM chain such as `session.query(M).filter(…)`."""
    while isinstance(node, (ast.Call, ast.Attribute)):
        if isinstance(node, ast.Call) and _name(node.func) == "query":
            return node
        node = node.func if isinstance(node, ast.Call) else node.value
    return None


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := _dotted(node.value)):
        return f"{base}.{node.attr}"
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
        name = _name(node)
        return name is not None and ("session" in name.lower() or any(name in s for s in self.sessions))

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scopes.append(defaultdict(list))
        self.sessions.append(set())
        for arg in node.args.args + node.args.kwonlyargs:
            if arg.annotation is not None and "Session" in ast.unparse(arg.annotation):
                self.sessions[-1].add(arg.arg)
        for statement in node.body:
            self._prebind(statement)
        self.generic_visit(node)
        self.scopes.pop()
        self.sessions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def _prebind(self, statement: ast.AST) -> None:
        """Bind every assignment of a function before visiting it, so a name's values are known wherever it is used."""
        for node in ast.walk(statement):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                self._bind(node.target, node.value)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
                self._bind(node.target, ast.List(elts=[node.iter]))
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                self._bind(node.optional_vars, node.context_expr)
                if isinstance(node.context_expr, ast.Call) and _name(node.context_expr.func) in SESSION_FACTORIES:
                    if isinstance(node.optional_vars, ast.Name):
                        self.sessions[-1].add(node.optional_vars.id)
            elif isinstance(node, ast.NamedExpr):
                self._bind(node.target, node.value)

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
            self.facts.aliases[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]

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
                base = next((_name(b) for b in node.bases if _name(b)), None)
                self.facts.tables.append(TableDecl(node.lineno, node.name, str(statement.value.value), base))
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0] if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) else None
        call = node.value if isinstance(node.value, ast.Call) else None
        if target is not None and call is not None:
            called = _name(call.func)
            first = call.args[0] if call.args else None
            if called == "module_base" and isinstance(first, ast.Constant):
                self.facts.bases[target.id] = str(first.value)
            elif called == "define_outbox" and first is not None and _name(first):
                self.facts.outboxes[target.id] = _name(first) or ""
                self.facts.tables.append(TableDecl(node.lineno, target.id, None, _name(first)))
            elif called == "Table" and isinstance(first, ast.Constant) and self._is_sqlalchemy(call.func):
                self.facts.tables.append(TableDecl(node.lineno, target.id, str(first.value), None))
        self.generic_visit(node)

    # -- calls: writes, foreign keys, dynamic imports -------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        called = _name(func)
        line = node.lineno
        if isinstance(func, ast.Attribute) and called in SESSION_WRITES | BULK_WRITES and self._session_call(func, called):
            for argument in node.args[:1]:
                self.facts.writes.append(Write(line, f"session.{called}", self._target(argument)))
        elif called in CORE_WRITES and self._is_sqlalchemy(func):
            if node.args:
                self.facts.writes.append(Write(line, f"{called}()", self._target(node.args[0])))
        elif isinstance(func, ast.Attribute) and called in ("update", "delete") and (query := _query_in(func.value)):
            self.facts.writes.append(Write(line, f"query.{called}()", self._target(query.args[0]) if query.args else Target(unresolved="query() without a model")))
        elif isinstance(func, ast.Attribute) and called in CORE_WRITES and not node.args:
            self._table_method(func, called, line)
        elif called == "text" and self._is_sqlalchemy(func) or called in SQL_SINKS:
            self._sql(node.args[0] if node.args else None, line, f"{called}()", explicit=True)
        elif isinstance(func, ast.Attribute) and called in SQL_EXECUTORS and node.args:
            self._sql(node.args[0], line, f".{called}()", explicit=False)
        elif called in ("ForeignKey", "ForeignKeyConstraint"):
            self._foreign_key(node)
        elif called in DYNAMIC_IMPORTERS and node.args and isinstance(node.args[0], ast.Constant):
            self._dynamic_import(node)
        self.generic_visit(node)

    def _session_call(self, func: ast.Attribute, called: str | None) -> bool:
        return called in BULK_WRITES or self._is_session(func.value)

    def _is_sqlalchemy(self, func: ast.AST) -> bool:
        root = _dotted(func) or ""
        head = root.split(".")[0]
        origin = self.facts.aliases.get(head, "")
        return origin.startswith("sqlalchemy")

    def _table_method(self, func: ast.Attribute, called: str, line: int) -> None:
        owner = func.value
        if isinstance(owner, ast.Attribute) and owner.attr == "__table__":
            self.facts.writes.append(Write(line, f".{called}()", self._target(owner.value)))
        elif (name := _name(owner)) and name.lower().endswith("table"):
            self.facts.writes.append(Write(line, f".{called}()", self._target(owner)))
        elif name:
            target = self._target(owner)
            target.soft = True
            self.facts.writes.append(Write(line, f".{called}()", target))

    def _dynamic_import(self, node: ast.Call) -> None:
        name = str(node.args[0].value)
        package = next((k.value for k in node.keywords if k.arg == "package" and isinstance(k.value, ast.Constant)), None)
        if name.startswith(".") and isinstance(package, str):
            level = len(name) - len(name.lstrip("."))
            parts = package.split(".")
            name = ".".join(parts[: len(parts) - level + 1]) + "." + name.lstrip(".")
        self.facts.imports.append(ImportRef(node.lineno, name, None, "dynamic"))

    # -- targets -------------------------------------------------------------------
    def _target(self, node: ast.AST, depth: int = 0) -> Target:
        """The model or table an expression stands for, as far as the file tells."""
        names: list[str] = []
        reasons: list[str] = []
        self._collect(node, names, reasons, depth, seen=set())
        if names:
            return Target(names=names)
        return Target(unresolved=reasons[0] if reasons else f"cannot tell what `{ast.unparse(node)[:60]}` is")

    def _collect(self, node: ast.AST, names: list[str], reasons: list[str], depth: int, seen: set[int]) -> None:
        if depth > 8 or id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, ast.Name):
            values = self._lookup(node.id)
            if not values:
                names.append(node.id)
            for value in values:
                self._collect(value, names, reasons, depth + 1, seen)
        elif isinstance(node, ast.Attribute):
            if node.attr[:1].isupper():
                names.append(node.attr)
            else:
                self._collect(node.value, names, reasons, depth + 1, seen)
        elif isinstance(node, ast.Call):
            called = _name(node.func)
            if called and called[:1].isupper():
                names.append(called)
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(argument, (ast.Name, ast.Call, ast.Attribute)):
                    self._collect(argument, names, reasons, depth + 1, seen)
            if isinstance(node.func, ast.Attribute) and not called[:1].isupper():
                self._collect(node.func.value, names, reasons, depth + 1, seen)
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            for element in node.elts:
                self._collect(element, names, reasons, depth + 1, seen)
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            self._collect(node.elt, names, reasons, depth + 1, seen)
        elif isinstance(node, ast.Starred):
            self._collect(node.value, names, reasons, depth + 1, seen)
        else:
            reasons.append(f"cannot tell what `{ast.unparse(node)[:60]}` is")

    # -- SQL -----------------------------------------------------------------------
    def _sql(self, node: ast.AST | None, line: int, kind: str, *, explicit: bool) -> None:
        text = self._sql_text(node)
        if text is None:
            if explicit:
                reason = f"SQL built at run time ({ast.unparse(node)[:60] if node else 'no argument'})"
                self.facts.writes.append(Write(line, kind, Target(unresolved=reason)))
            return
        if not is_write(text.replace(DYNAMIC, "x")):
            if text.lstrip().startswith(DYNAMIC):
                self.facts.writes.append(Write(line, kind, Target(unresolved="SQL whose statement is chosen at run time")))
            return
        for table in sql_targets(text):
            if DYNAMIC.lower() in table:
                self.facts.writes.append(Write(line, kind, Target(unresolved="SQL whose table is chosen at run time")))
            else:
                self.facts.writes.append(Write(line, kind, Target(table=table)))

    def _sql_text(self, node: ast.AST | None, depth: int = 0) -> str | None:
        """The SQL an expression builds, with run-time parts replaced by DYNAMIC; None when unknown."""
        if node is None or depth > 5:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(
                v.value if isinstance(v, ast.Constant) else DYNAMIC for v in node.values
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            left = self._sql_text(node.left, depth + 1)
            right = self._sql_text(node.right, depth + 1) if isinstance(node.op, ast.Add) else ""
            if left is None and right is None:
                return None
            return (left if left is not None else DYNAMIC) + (right if right is not None else DYNAMIC)
        if isinstance(node, ast.Call) and _name(node.func) == "format" and isinstance(node.func, ast.Attribute):
            template = self._sql_text(node.func.value, depth + 1)
            return None if template is None else template.replace("{", DYNAMIC + "{")
        if isinstance(node, ast.Name):
            values = self._lookup(node.id)
            texts = [self._sql_text(v, depth + 1) for v in values]
            known = [t for t in texts if t is not None]
            return known[0] if len(known) == 1 and len(texts) == 1 else None
        return None

    # -- foreign keys ----------------------------------------------------------------
    def _foreign_key(self, node: ast.Call) -> None:
        columns = node.args[1] if _name(node.func) == "ForeignKeyConstraint" and len(node.args) > 1 else node.args[0] if node.args else None
        references = columns.elts if isinstance(columns, (ast.List, ast.Tuple)) else [columns] if columns is not None else []
        for reference in references:
            if isinstance(reference, ast.Constant) and isinstance(reference.value, str):
                table = reference.value.rsplit(".", 1)[0].split(".")[-1]
                self.facts.foreign_keys.append(ForeignKeyRef(node.lineno, Target(table=table)))
            else:
                self.facts.foreign_keys.append(ForeignKeyRef(node.lineno, self._target(reference)))
