"""Runs the catalog over a pack: findings per item, a score per deliverable, pass or fail."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import ValidationError

from aicmo.onboarding.api import Brief
from aicmo.production.api import ContentPack
from aicmo.qc.api.dtos import Finding, FindingId, Severity
from aicmo.qc.internal.catalog import Catalog, RuleSpec, catalog
from aicmo.qc.internal.checks import CHECKS, PARAMS, Check, CheckContext


@dataclass(frozen=True)
class Scores:
    score: int
    by_deliverable: dict[str, int]
    passed: bool


@dataclass(frozen=True)
class Rule:
    spec: RuleSpec
    check: Check
    params: Any


def checked_catalog() -> Catalog:
    """The catalog, after making sure every rule has a check and every check a rule."""
    rules = catalog()
    declared = {rule.id for rule in rules.rules}
    if declared != set(CHECKS):
        raise RuntimeError(
            f"rules.yaml and the checks disagree: rules without a check {sorted(declared - set(CHECKS))}, "
            f"checks without a rule {sorted(set(CHECKS) - declared)}"
        )
    return rules


@cache
def rulebook() -> tuple[Rule, ...]:
    """Each rule with its check and its parameters, validated once."""
    rules = []
    for spec in checked_catalog().rules:
        model = PARAMS.get(spec.id)
        try:
            params = model.model_validate(spec.params) if model else spec.params
        except ValidationError as error:
            raise RuntimeError(f"rules.yaml: the params of {spec.id} are not valid: {error}") from None
        rules.append(Rule(spec, CHECKS[spec.id], params))
    return tuple(rules)


def find(pack: ContentPack, brief: Brief) -> list[Finding]:
    """Every rule over every item it reads; a pack rule sees the earlier items it also reads."""
    read = {
        rule.spec.id: [item for item in pack.items if rule.spec.applies(item.kind.value, brief.voice.language)]
        for rule in rulebook()
    }
    done: dict[str, int] = defaultdict(int)
    findings = []
    memo: dict[object, object] = {}
    labels = pack.item_labels()
    for item in pack.items:
        for rule in rulebook():
            if not rule.spec.applies(item.kind.value, brief.voice.language):
                continue
            earlier = tuple(read[rule.spec.id][: done[rule.spec.id]])
            done[rule.spec.id] += 1
            for detail in rule.check(item, CheckContext(brief, rule.params, earlier, memo, labels)):
                findings.append(
                    Finding(
                        finding_id=FindingId.new(),
                        rule_id=rule.spec.id,
                        severity=rule.spec.severity,
                        item_id=item.item_id,
                        message=rule.spec.message.format(detail=detail),
                    )
                )
    return findings


def score(items: list[tuple[str, str]], findings: list[Finding]) -> Scores:
    """Each item (id, kind) scores 100 less its unwaived findings' penalties; a deliverable is its items' mean."""
    rules = checked_catalog()
    penalty: dict[str, int] = defaultdict(int)
    for finding in findings:
        if not finding.waived and finding.item_id is not None:
            penalty[str(finding.item_id)] += rules.penalties[finding.severity]
    item_scores: dict[str, list[int]] = defaultdict(list)
    for item_id, kind in items:
        item_scores[kind].append(max(0, 100 - penalty[item_id]))
    by_deliverable = {kind: round(sum(s) / len(s)) for kind, s in item_scores.items()}
    every = [s for scores in item_scores.values() for s in scores]
    overall = round(sum(every) / len(every)) if every else 100
    blocked = any(f.severity == Severity.BLOCKER and not f.waived for f in findings)
    below = any(value < rules.thresholds.get(kind, 0) for kind, value in by_deliverable.items())
    return Scores(overall, by_deliverable, passed=not blocked and not below)
