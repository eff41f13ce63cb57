"""`aicmo-arch` run as a command on a project that is not AICMO: the sample shop, its code under lib/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

AICMO_ARCH = str(Path(sys.executable).with_name("aicmo-arch"))


def run(*args: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AICMO_ARCH, *args, "--root", str(root)], capture_output=True, text=True, check=False, timeout=120
    )


def findings(root: Path) -> list[dict]:
    return json.loads(run("check", "--json", root=root).stdout)["findings"]


def test_the_sample_holds_every_rule(sample):
    result = run("check", root=sample.root)

    assert result.returncode == 0, result.stdout
    assert "architecture ok: 22 files, every rule holds" in result.stdout


def test_an_import_of_another_modules_internal_is_reported_with_its_line_and_fix(sample):
    line = sample.append("orders/internal/service.py", "\nfrom shop.billing.internal.models import Row\n")

    result = run("check", root=sample.root)

    assert result.returncode == 1
    assert (
        f"lib/shop/orders/internal/service.py:{line + 1}: import of shop.billing.internal.models from" in result.stdout
    )
    assert "fix: use a port from shop.billing.api; only shop.wiring wires internals" in result.stdout
    assert "The rules and why they hold: doc/rules.md#imports" in result.stdout


def test_a_write_to_another_modules_table_is_reported(sample):
    code = "\n\ndef leak(session):\n    session.add(Row(id=1))\n"
    sample.append("orders/internal/service.py", "\nfrom shop.billing.internal.models import Row\n" + code)

    writes = [f for f in findings(sample.root) if f["rule"] == "ARCH-R3-WRITE"]

    assert [(f["file"], f["target"]) for f in writes] == [("lib/shop/orders/internal/service.py", "billing_entries")]


def test_an_undeclared_dependency_is_reported(sample):
    sample.append("billing/internal/ledger.py", "\nfrom shop.orders.api import Orders\n")

    assert {f["rule"] for f in findings(sample.root)} == {"ARCH-R2-UNDECLARED"}


def test_a_malformed_declaration_is_one_block_naming_the_key_and_exit_2(sample):
    sample.edit_pyproject('orders = ["billing"]', 'orders = ["shipping"]')

    result = run("check", root=sample.root)

    assert result.returncode == 2
    assert "tool.aicmo.architecture.modules.orders: depends on unknown module 'shipping'" in result.stderr
    assert "Traceback" not in result.stderr


def test_docs_are_written_where_the_declaration_says(sample):
    env_path = str(sample.root / "lib")
    result = subprocess.run(
        [AICMO_ARCH, "docs", "--root", str(sample.root)],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": env_path},
    )

    assert result.returncode == 0, result.stderr
    page = (sample.root / "doc" / "modules" / "orders.md").read_text()
    assert "### Orders" in page and "- `place(self, amount: int) -> str`" in page
    assert "- `orders_lines`" in page and "[billing](billing.md)" in page


def test_the_import_linter_section_it_prints_is_the_one_the_sample_keeps(sample):
    printed = run("import-linter", root=sample.root).stdout

    assert printed.strip() in (sample.root / "pyproject.toml").read_text()
