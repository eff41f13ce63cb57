"""`aicmo arch …`: the architecture rules from the command line."""

from __future__ import annotations

from pathlib import Path

from aicmo.operator.arch.checker import check
from aicmo.operator.arch.contracts import write_snapshots
from aicmo.operator.arch.declaration import load
from aicmo.operator.arch.docs import write_architecture_docs
from aicmo.operator.arch.import_linter import render_toml
from aicmo.operator.arch.report import as_json as render_json
from aicmo.operator.arch.report import print_human
from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, out, user_errors


@user_errors
def check_architecture(root: Path, *, as_json: bool = False) -> int:
    report = check(root.resolve())
    if as_json:
        print(render_json(report))
    else:
        print_human(report, out)
    return EXIT_FAILED if report.findings else EXIT_OK


@user_errors
def snapshot_contracts(root: Path) -> int:
    for path in write_snapshots(load(root.resolve())):
        out.print(f"wrote {path}", markup=False)
    return EXIT_OK


@user_errors
def write_docs(root: Path) -> int:
    for path in write_architecture_docs(load(root.resolve())):
        out.print(f"wrote {path}", markup=False)
    return EXIT_OK


@user_errors
def print_import_linter(root: Path) -> int:
    print(render_toml(load(root.resolve())), end="")
    return EXIT_OK
