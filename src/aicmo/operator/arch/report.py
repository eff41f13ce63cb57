"""Human and JSON output of a check."""

from __future__ import annotations

import json
from itertools import groupby

from rich.console import Console
from rich.markup import escape

from aicmo.operator.arch.checker import Report
from aicmo.operator.arch.findings import RULES


def print_human(report: Report, console: Console) -> None:
    if not report.findings:
        console.print(f"[green]architecture ok[/green]: {report.files} files, every rule holds")
        return
    for rule, findings in groupby(report.findings, key=lambda f: f.rule):
        findings = list(findings)
        console.print(f"\n[bold red]{rule}[/bold red] — {RULES.get(rule, '')} ({len(findings)})")
        for finding in findings:
            console.print(f"  {escape(finding.location)}: {escape(finding.message)}")
            console.print(f"      fix: {escape(finding.fix)}", style="dim")
    console.print(f"\n[red]{len(report.findings)} finding(s)[/red] in {report.files} files")


def as_json(report: Report) -> str:
    return json.dumps(
        {"ok": not report.findings, "files": report.files, "findings": [f.to_json() for f in report.findings]},
        indent=2,
        ensure_ascii=False,
    )
