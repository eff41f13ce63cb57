"""Human and JSON output of a check. Findings are printed as plain text, never interpreted."""

from __future__ import annotations

import json
from itertools import groupby
from typing import TextIO

from aicmo_arch.application.use_cases.check import Report
from aicmo_arch.domain.findings import RULES


def print_human(report: Report, out: TextIO) -> None:
    if not report.findings:
        print(f"architecture ok: {report.files} files, every rule holds", file=out)
        return
    for rule, group in groupby(report.findings, key=lambda f: f.rule):
        findings = list(group)
        print(f"\n{rule} — {RULES.get(rule, '')} ({len(findings)})", file=out)
        for finding in findings:
            print(f"  {finding.location}: {finding.message}", file=out)
            print(f"      fix: {finding.fix}", file=out)
    if report.rules_doc:
        print(f"\nThe rules and why they hold: {report.rules_doc}", file=out)
    print(f"\n{len(report.findings)} finding(s) in {report.files} files", file=out)


def as_json(report: Report) -> str:
    return json.dumps(
        {
            "ok": not report.findings,
            "files": report.files,
            "rules_doc": report.rules_doc,
            "findings": [f.to_json() for f in report.findings],
        },
        indent=2,
        ensure_ascii=False,
    )
