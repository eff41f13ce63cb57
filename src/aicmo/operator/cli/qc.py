"""`aicmo qc report RUN` and `aicmo qc waive FINDING --reason …`.

The report fits an 80-column terminal: findings are named by their shortest unique id
prefix (which `qc waive` accepts), with the item each is about as `reject --item` takes it,
and their messages wrap under the rule."""

from __future__ import annotations

import getpass

from rich import box
from rich.text import Text

from aicmo.kernel.errors import NotFound
from aicmo.operator.audited import waiver_detail
from aicmo.operator.cli.accounts import command_line_actor
from aicmo.operator.cli.console import EXIT_OK, out, print_json, say, table, text, user_errors
from aicmo.orchestration.api import RunQuery
from aicmo.orchestration.composition import Application, bootstrap
from aicmo.platform.db.short_ids import ListedKeys, shortest_among
from aicmo.production.api import ContentItem
from aicmo.qc.api import Finding, QcReport, QcRunId


def _print(app: Application, report: QcReport, *, as_json: bool = False) -> None:
    if as_json:
        print_json(report.model_dump(mode="json"))
        return
    verdict = "passed" if report.passed else "not passed:"
    say("QC run {}: score {}/100, {}", report.run_id, report.score, verdict)
    for reason in report.why_not_passed():
        say("  {}", reason)
    for kind, value in report.scores.items():
        say("  {} {} (needs {})", f"{kind:<15}", f"{value:>3}", report.thresholds.get(kind, 0))
    pack = app.production.get_pack(report.pack_id)
    items, labels = pack.items, pack.item_labels()
    short_items = shortest_among(ListedKeys(item.item_id for item in items), [item.item_id for item in items])
    if not report.findings:
        say("no findings; the pack's items, for `aicmo reject RUN --item ITEM`:")
        rows = [(short_items[item.item_id], item.kind, item.platform or "", _opening(item)) for item in items]
        listed = table("item", "kind", "platform", "opens with", rows=rows, box=box.SIMPLE_HEAD, show_edge=False)
        *named, opening = listed.columns
        for column in named:
            column.min_width = max(len(str(cell)) for cell in [column.header, *column.cells])
        opening.no_wrap, opening.overflow = True, "ellipsis"
        opening.max_width = max(
            20, out.width - sum(column.min_width or 0 for column in named) - 3 * len(listed.columns)
        )
        out.print(listed)
        return
    short = app.qc.short_finding_ids([f.finding_id for f in report.findings])
    rows = [
        (
            short[f.finding_id],
            f.severity,
            _detail(f, f"{labels[f.item_id]} ({short_items[f.item_id]})" if f.item_id else None),
        )
        for f in report.findings
    ]
    findings = table("finding", "severity", "rule and what to do", rows=rows, box=box.SIMPLE_HEAD, show_edge=False)
    findings.columns[0].no_wrap = findings.columns[1].no_wrap = True
    findings.columns[2].overflow = "fold"
    out.print(findings)


def _opening(item: ContentItem) -> str:
    """The item's first line of copy (a hook, a subject, a headline), to tell the items apart."""
    first = next((value for value in item.fields.values() if isinstance(value, str) and value.strip()), "")
    return " ".join(first.split())


def _detail(finding: Finding, item: str | None) -> Text:
    """The rule, the item it is about (by its name, and its id as `reject --item` takes it), and what to do."""
    rule = text(finding.rule_id, "bold")
    detail = Text.assemble(rule, text(f" on {item}") if item else "", "\n", text(finding.message))
    if finding.waived:
        detail.append_text(
            Text.assemble("\n", text(f"waived by {finding.waived_by}: {finding.waiver_reason}", "italic"))
        )
    return detail


@user_errors
def show_report(typed: str, *, as_json: bool) -> int:
    with bootstrap(launch_durable=False) as app:
        summary = app.workflows.get_run(app.workflows.resolve(typed))
        if summary.qc_run_id is None:
            raise NotFound(
                f"run {summary.run_id} has no QC report yet (it is {summary.state} at {summary.current_step})"
            )
        _print(app, app.qc.get(QcRunId.parse(summary.qc_run_id)), as_json=as_json)
    return EXIT_OK


@user_errors
def waive_finding(typed: str, reason: str, by: str | None) -> int:
    with bootstrap(launch_durable=False) as app:
        finding_id = app.qc.finding_id(typed)
        waived = app.qc.waive(finding_id, reason, by or getpass.getuser())
        [finding] = [f for f in waived.findings if f.finding_id == finding_id]
        runs = app.workflows.find_runs(RunQuery(qc_report=str(waived.run_id), limit=1)).runs
        about = str(runs[0].run_id) if runs else str(finding_id)
        app.audit.record(command_line_actor(), "finding.waive", about, waiver_detail(finding, reason))
        _print(app, waived)
    return EXIT_OK
