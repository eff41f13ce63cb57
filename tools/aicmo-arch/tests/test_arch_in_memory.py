"""The use cases booted with the in-memory fakes: no disk, no git, no imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicmo_arch.application.project import Project
from aicmo_arch.application.use_cases.check import check
from aicmo_arch.application.use_cases.declaration import load_declaration
from aicmo_arch.application.use_cases.snapshot import write_snapshots
from aicmo_arch.bootstrap import bootstrap
from aicmo_arch.domain.errors import InvalidDeclaration
from arch_fakes.contract_reader import FakeContracts
from arch_fakes.history import FakeHistory
from arch_fakes.project_folder import FakeFolder
from arch_fakes.source_tree import FakeSourceTree

SAMPLE = Path(__file__).resolve().parent / "sample"
CONTRACT = {
    "module": "billing",
    "contract_version": "1.0.0",
    "ports": {"Billing": {"charge": "(self, amount: int) -> str"}},
}
CONTRACT |= {"models": {}, "enums": {}, "ids": [], "other": []}


def in_memory(history: FakeHistory | None = None, contracts: FakeContracts | None = None) -> tuple[FakeFolder, Project]:
    """The sample shop held in a FakeFolder, and the project read through the fakes."""
    folder = FakeFolder({p.relative_to(SAMPLE).as_posix(): p.read_text() for p in SAMPLE.rglob("*") if p.is_file()})
    fakes = {
        "history": history or FakeHistory(),
        "source_tree": FakeSourceTree(folder),
        "contracts": contracts or FakeContracts(),
    }
    return folder, bootstrap(Path("/nowhere"), folder=folder, **fakes)


def test_the_sample_holds_every_rule_in_memory():
    _, project = in_memory()

    assert check(project).findings == []


def test_a_foreign_key_into_another_module_is_caught_in_memory():
    folder, project = in_memory()
    folder.files["lib/shop/orders/internal/models.py"] += (
        "    entry: Mapped[int] = mapped_column(ForeignKey('billing_entries.id'))\n"
    )

    assert [(f.rule, f.target) for f in check(project).findings] == [("ARCH-R4-FOREIGN-KEY", "billing_entries")]


def test_raising_the_committed_maximum_of_the_allowlist_is_caught():
    committed = (SAMPLE / "pyproject.toml").read_text()
    folder, project = in_memory(history=FakeHistory({"HEAD": {"pyproject.toml": committed}}))
    folder.files["pyproject.toml"] = committed.replace("max_entries = 0", "max_entries = 2")

    [finding] = check(project).findings
    assert finding.rule == "ARCH-R6-ALLOWLIST" and "max_entries went up from 0 to 2" in finding.message


def test_a_snapshot_is_written_and_then_a_removal_without_a_major_bump_is_caught():
    orders = {**CONTRACT, "module": "orders", "ports": {"Orders": {"place": "(self, amount: int) -> str"}}}
    contracts = FakeContracts({"billing": CONTRACT, "orders": orders})
    folder, project = in_memory(contracts=contracts)
    folder.files["pyproject.toml"] = folder.files["pyproject.toml"].replace(
        'source = "lib"', 'source = "lib"\nsnapshots = "contracts"'
    )
    arch = load_declaration(project)

    assert write_snapshots(project, arch) == ["contracts/billing.json", "contracts/orders.json"]
    contracts.contracts["billing"] = {**CONTRACT, "ports": {"Billing": {}}}

    [finding] = check(project).findings
    assert "Billing.charge removed" in finding.message and "without a major bump from 1.0.0" in finding.message
    with pytest.raises(InvalidDeclaration, match="bump CONTRACT_VERSION first"):
        write_snapshots(project, arch)


def test_sql_that_sqlglot_cannot_read_is_an_unresolved_write_not_a_pass():
    folder, project = in_memory()
    folder.files["lib/shop/billing/internal/ledger.py"] += (
        "\n\ndef purge(connection):\n    connection.exec_driver_sql('DELETE FROM billing_entries WHERE')\n"
    )

    [finding] = check(project).findings
    assert finding.rule == "ARCH-R3-UNRESOLVED" and "sqlglot cannot read" in finding.message


def test_a_write_of_a_parameter_is_checked_against_the_model_its_annotation_names():
    folder, project = in_memory()
    folder.files["lib/shop/billing/internal/ledger.py"] += (
        "\n\nfrom shop.orders.internal.models import Row as OrderRow\n\n\n"
        "def keep(session: Session, rows: list[Row], other: OrderRow | None) -> None:\n"
        "    session.add_all(rows)\n"
        "    session.add(other)\n"
    )

    findings = [(f.rule, f.target) for f in check(project).findings]

    assert ("ARCH-R3-WRITE", "orders_lines") in findings
    assert not any(rule == "ARCH-R3-UNRESOLVED" for rule, _ in findings)
