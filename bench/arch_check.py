"""Wall time of `aicmo-arch check` beside `lint-imports` alone, on this repository and on a
generated tree of 2,000 modules (20 packages with api and internal, realistic imports and
writes, a few planted violations that both tools must report). Median of 5 each, with
warm caches (one untimed run first), in one run.

Run: .venv/bin/python bench/arch_check.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aicmo_arch.application.use_cases.declaration import load_declaration
from aicmo_arch.bootstrap import bootstrap
from aicmo_arch.domain.import_linter import render_toml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUNS = 5
PACKAGES = 20
FILES_PER_PACKAGE = 100
PLANTED_IMPORTS = ("mod03", "mod11", "mod17")
PLANTED_WRITES = ("mod05", "mod14")


def _module_files(package: int) -> dict[str, str]:
    name = f"mod{package:02d}"
    dependency = f"mod{package + 10:02d}" if package < 10 else None
    files = {
        f"{name}/__init__.py": f'"""{name}."""\n',
        f"{name}/README.md": f"# {name}\n",
        f"{name}/api/__init__.py": (
            f'"""{name}: generated."""\n\n'
            f"from benchapp.{name}.api.dtos import Item\n"
            f"from benchapp.{name}.api.ports import Store\n\n"
            'CONTRACT_VERSION = "1.0.0"\n\n__all__ = ["CONTRACT_VERSION", "Item", "Store"]\n'
        ),
        f"{name}/api/dtos.py": (
            '"""DTOs."""\n\nfrom pydantic import BaseModel\n\n\nclass Item(BaseModel):\n    id: int\n    name: str\n'
        ),
        f"{name}/api/ports.py": (
            '"""Ports."""\n\nfrom typing import Protocol\n\nfrom benchapp.' + name + ".api.dtos import Item\n\n\n"
            "class Store(Protocol):\n    def save(self, item: Item) -> None: ...\n"
        ),
        f"{name}/api/events.py": '"""Events."""\n',
        f"{name}/internal/__init__.py": "",
        f"{name}/internal/models.py": (
            '"""Tables."""\n\n'
            "from sqlalchemy import ForeignKey, Integer, String\n"
            "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\n"
            f'from benchapp.platform.base import module_base\n\nBase = module_base("{name}")\n\n\n'
            "class RowA(Base):\n"
            f'    __tablename__ = "{name}_a"\n'
            "    id: Mapped[int] = mapped_column(Integer, primary_key=True)\n"
            "    name: Mapped[str] = mapped_column(String(50))\n\n\n"
            "class RowB(Base):\n"
            f'    __tablename__ = "{name}_b"\n'
            "    id: Mapped[int] = mapped_column(Integer, primary_key=True)\n"
            f'    a_id: Mapped[int] = mapped_column(ForeignKey("{name}_a.id"))\n'
        ),
    }
    for number in range(FILES_PER_PACKAGE - len(files) + 1):
        imports = f"from benchapp.{name}.internal.models import RowA, RowB\nfrom benchapp.{name}.api import Item\n"
        if dependency:
            imports += f"from benchapp.{dependency}.api import Item as Upstream\n"
        body = (
            f"def handle_{number}(session, connection, item: Item) -> None:\n"
            f"    row = RowA(\n        id={number},\n        name=item.name,\n    )\n"
            "    session.add(row)\n"
            f"    connection.execute(insert(RowB).values(id={number}, a_id={number}))\n"
            f"    connection.execute(text(\"UPDATE {name}_a SET name = 'x' WHERE id = {number}\"))\n"
        )
        files[f"{name}/internal/service_{number:03d}.py"] = (
            f'"""Use case {number} of {name}."""\n\nfrom sqlalchemy import insert, text\n\n{imports}\n\n{body}'
        )
    if name in PLANTED_IMPORTS:
        files[f"{name}/internal/service_000.py"] += "\nfrom benchapp.mod19.internal.models import RowA as Foreign\n"
    if name in PLANTED_WRITES:
        files[f"{name}/internal/service_001.py"] += (
            '\n\ndef leak(connection) -> None:\n    connection.execute(text("DELETE FROM mod00_b WHERE id = 1"))\n'
        )
    return files


def generate(root: Path) -> None:
    source = root / "src" / "benchapp"
    files = {
        "__init__.py": '"""Generated."""\n',
        "platform/__init__.py": "",
        "platform/base.py": (
            '"""Bases."""\n\nfrom sqlalchemy import MetaData\nfrom sqlalchemy.orm import DeclarativeBase\n\n\n'
            "def module_base(owner):\n"
            "    return type(owner, (DeclarativeBase,),"
            " {'metadata': MetaData(info={'owner': owner}), '__abstract__': True})\n"
        ),
    }
    for package in range(PACKAGES):
        files.update(_module_files(package))
    files["wiring/__init__.py"] = '"""Composition root."""\n'
    for relative, text in files.items():
        path = source / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    upper = ", ".join(f'"mod{i:02d}"' for i in range(10))
    lower = ", ".join(f'"mod{i:02d}"' for i in range(10, 20))
    modules = "\n".join(f'mod{i:02d} = ["mod{i + 10:02d}"]' if i < 10 else f"mod{i:02d} = []" for i in range(PACKAGES))
    declaration = (
        '[project]\nname = "benchapp"\nversion = "0"\n\n[tool.aicmo.architecture]\npackage = "benchapp"\n'
        'composition_root = "benchapp.wiring"\n'
        f'layers = [["wiring"], [{upper}], [{lower}], ["platform"]]\n\n[tool.aicmo.architecture.modules]\n{modules}\n\n'
        "[tool.aicmo.architecture.allowlist]\nmax_entries = 0\nentries = []\n"
    )
    (root / "pyproject.toml").write_text(declaration)
    (root / "pyproject.toml").write_text(declaration + "\n" + render_toml(load_declaration(bootstrap(root))))


def timed(command: list[str], root: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    times, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(label: str, root: Path) -> None:
    ours, our_result = timed([str(BIN / "aicmo-arch"), "check", "--root", str(root), "--json"], root)
    theirs, their_result = timed([str(BIN / "lint-imports")], root)
    findings = json.loads(our_result.stdout)["findings"]
    broken = their_result.stdout.count("BROKEN")
    files = json.loads(our_result.stdout)["files"]
    print(f"{label}: {files} files")
    print(f"  aicmo-arch check : {ours * 1000:7.0f} ms median of {RUNS} ({len(findings)} findings)")
    print(f"  lint-imports     : {theirs * 1000:7.0f} ms median of {RUNS} ({broken} broken contracts)")
    print(f"  ratio            : {ours / theirs:7.2f}x")
    if label != "this repository":
        by_rule = {}
        for finding in findings:
            by_rule[finding["rule"]] = by_rule.get(finding["rule"], 0) + 1
        print(f"  our findings by rule: {by_rule}")
        planted = {f"mod{n}" for n in ("03", "11", "17")}
        reported = {f["file"].split("/")[2] for f in findings if f["rule"] == "ARCH-R1-INTERNAL"}
        theirs_broke = "mod19.internal is private" in their_result.stdout and "BROKEN" in their_result.stdout
        print(f"  planted internal imports reported: ours {sorted(reported)} (want {sorted(planted)});", end=" ")
        print(f"lint-imports broke the mod19 contract: {theirs_broke}")


def main() -> None:
    measure("this repository", ROOT)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root)
        measure("generated tree", root)


if __name__ == "__main__":
    main()
