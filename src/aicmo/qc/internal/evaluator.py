"""Runs the catalog over a pack: findings, score, pass or fail."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.onboarding.api import Brief
from aicmo.production.api import ContentPack
from aicmo.qc.api.dtos import Finding, Severity
from aicmo.qc.internal.catalog import Catalog, catalog
from aicmo.qc.internal.checks import CHECKS


@dataclass(frozen=True)
class Evaluation:
    findings: list[Finding]
    score: int
    threshold: int
    passed: bool


def checked_catalog() -> Catalog:
    """The catalog, after making sure every rule has a check and every check a rule."""
    rules = catalog()
    declared = {rule.id for rule in rules.rules}
    if declared != set(CHECKS):
        raise RuntimeError(
            f"rules.yaml and checks.py disagree: rules without a check {sorted(declared - set(CHECKS))}, "
            f"checks without a rule {sorted(set(CHECKS) - declared)}"
        )
    return rules


def evaluate(pack: ContentPack, brief: Brief) -> Evaluation:
    rules = checked_catalog()
    findings = [
        Finding(rule_id=rule.id, severity=rule.severity, item_id=item.item_id, message=rule.message.format(detail=detail))
        for item in pack.items
        for rule in rules.rules
        if rule.applies(item.kind.value)
        for detail in CHECKS[rule.id](item, brief)
    ]
    score = max(0, 100 - sum(rules.penalties[f.severity] for f in findings))
    blocked = any(f.severity == Severity.BLOCKER for f in findings)
    return Evaluation(findings, score, rules.threshold, passed=not blocked and score >= rules.threshold)
