"""`aicmo qc report RUN` and `aicmo qc waive FINDING --reason …`."""

from __future__ import annotations

import getpass

from rich.table import Table

from aicmo.kernel.errors import NotFound
from aicmo.operator.cli.console import EXIT_OK, out, parse_id, user_errors
from aicmo.orchestration.api import RunId
from aicmo.orchestration.composition import bootstrap
from aicmo.qc.api import FindingId, QcReport, QcRunId


def _print(report: QcReport) -> None:
    verdict = "passed" if report.passed else "not passed"
    out.print(f"QC run {report.run_id}: score {report.score}/100, {verdict}")
    for kind, value in report.scores.items():
        out.print(f"  {kind:<15} {value:>3} (needs {report.thresholds.get(kind, 0)})", markup=False)
    table = Table("finding", "rule", "severity", "message", "waived")
    for f in report.findings:
        table.add_row(str(f.finding_id), f.rule_id, f.severity, f.message, f"{f.waived_by}: {f.waiver_reason}" if f.waived else "")
    if report.findings:
        out.print(table)


@user_errors
def show_report(run_text: str) -> int:
    run_id = parse_id(RunId, run_text, "`aicmo runs`")
    with bootstrap(launch_durable=False) as app:
        summary = app.workflows.get_run(run_id)
        if summary.qc_run_id is None:
            raise NotFound(f"run {run_id} has no QC report yet (it is {summary.state} at {summary.current_step})")
        _print(app.qc.get(QcRunId.parse(summary.qc_run_id)))
    return EXIT_OK


@user_errors
def waive_finding(finding_text: str, reason: str, by: str | None) -> int:
    finding_id = parse_id(FindingId, finding_text, "`aicmo qc report RUN`")
    with bootstrap(launch_durable=False) as app:
        _print(app.qc.waive(finding_id, reason, by or getpass.getuser()))
    return EXIT_OK
