"""`aicmo-arch check|snapshot|docs|import-linter [--root FOLDER]`.

Exit 0 when every rule holds, 1 on findings, 2 on a malformed declaration (one block naming each key).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from aicmo_arch.application.project import Project
from aicmo_arch.application.use_cases.check import check
from aicmo_arch.application.use_cases.declaration import load_declaration
from aicmo_arch.application.use_cases.docs import write_docs
from aicmo_arch.application.use_cases.snapshot import write_snapshots
from aicmo_arch.bootstrap import bootstrap
from aicmo_arch.cli.report import as_json, print_human
from aicmo_arch.domain.errors import InvalidDeclaration, listed
from aicmo_arch.domain.import_linter import render_toml

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def _check(project: Project, arguments: argparse.Namespace) -> int:
    report = check(project)
    if arguments.json:
        print(as_json(report))
    else:
        print_human(report, sys.stdout)
    return EXIT_FINDINGS if report.findings else EXIT_OK


def _snapshot(project: Project, _arguments: argparse.Namespace) -> int:
    for path in write_snapshots(project, load_declaration(project)):
        print(f"wrote {path}")
    return EXIT_OK


def _docs(project: Project, _arguments: argparse.Namespace) -> int:
    for path in write_docs(project, load_declaration(project)):
        print(f"wrote {path}")
    return EXIT_OK


def _import_linter(project: Project, _arguments: argparse.Namespace) -> int:
    print(render_toml(load_declaration(project)), end="")
    return EXIT_OK


_COMMANDS: dict[str, tuple[Callable[[Project, argparse.Namespace], int], str]] = {
    "check": (_check, "check every architecture rule; exit 1 on any finding"),
    "snapshot": (_snapshot, "write the contract snapshots (refused while a change lacks its version bump)"),
    "docs": (_docs, "write the architecture docs: the module map and one page per module"),
    "import-linter": (_import_linter, "print the [tool.importlinter] contracts the declaration implies"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aicmo-arch", description="Architecture rules of a modular monolith, declared in pyproject.toml."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in _COMMANDS.items():
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--root", type=Path, default=Path("."), help="the project folder (with pyproject.toml)")
        if name == "check":
            command.add_argument("--json", action="store_true", help="print the findings as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    run, _ = _COMMANDS[arguments.command]
    try:
        return run(bootstrap(arguments.root.resolve()), arguments)
    except InvalidDeclaration as error:
        print(f"error: {error.summary}", file=sys.stderr)
        for line in listed(error.problems):
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
