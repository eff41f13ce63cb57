"""qc-report.md: the agency's own record of a package — the quality report, the brief fields that would
make the copy stronger and the versions it was made from — kept apart from the documents the client reads."""

from __future__ import annotations

from aicmo.delivery.api.dtos import PackageRequest
from aicmo.delivery.internal.writers import prompt_versions_of, writers_of
from aicmo.production.api import ContentItemId, ContentPack
from aicmo.qc.api import Finding, Severity


def _item_names(pack: ContentPack) -> dict[ContentItemId, str]:
    names = {}
    for item in pack.items:
        where = item.platform or ""
        when = str(item.scheduled_on) if item.scheduled_on else ""
        names[item.item_id] = " ".join(part for part in (f"{item.kind} #{item.position}", where, when) if part)
    return names


def _finding(finding: Finding, names: dict[ContentItemId, str]) -> str:
    item = names.get(finding.item_id, "the pack") if finding.item_id else "the pack"
    line = f"- **{finding.severity}** `{finding.rule_id}` ({item}): {finding.message}"
    if finding.waived:
        line += f" — waived by {finding.waived_by}: {finding.waiver_reason}"
    return line


def _writers(pack: ContentPack, names: dict[ContentItemId, str]) -> list[str]:
    """Who wrote the items, with which prompts, and every item the template writer wrote in a model's place."""
    lines = [f"- {writer}: {count} items" for writer, count in sorted(writers_of(pack).items())]
    versions = prompt_versions_of(pack)
    if versions:
        lines.append(f"- Prompts: {', '.join(versions)}")
    lines += [
        f"- **Fallback** ({names[item.item_id]}): written by the template writer because {item.fallback_reason}"
        for item in pack.items
        if item.fallback_reason
    ]
    return lines


def render_qc_report(request: PackageRequest) -> bytes:
    brief, strategy, pack, qc = request.brief, request.strategy, request.pack, request.qc
    verdict = "passed" if qc.passed else "did not pass"
    out = [
        f"# Quality report — {brief.client_name}",
        "",
        f"Score **{qc.score}/100**, {verdict}. Findings: "
        + ", ".join(f"{qc.count(severity)} {severity.lower()}" for severity in Severity)
        + f"; {sum(1 for f in qc.findings if f.waived)} waived.",
        "",
        "| Deliverable | Score | Needs |",
        "|---|---|---|",
        *[f"| {kind} | {score} | {qc.thresholds.get(kind, 0)} |" for kind, score in qc.scores.items()],
        "",
        "## Findings",
        "",
    ]
    names = _item_names(pack)
    out += [_finding(finding, names) for finding in qc.findings] or ["None."]
    if brief.facts.gaps:
        out += ["", "## What would make this plan and copy stronger", ""]
        out += [f"- {gap.say}" for gap in brief.facts.gaps]
    out += ["", "## Writers", "", *_writers(pack, names)]
    out += [
        "",
        "## Made from",
        "",
        f"- Brief version {brief.version} (`{brief.version_id}`, sha256 `{brief.checksum}`)",
        f"- Strategy version {strategy.version} (`{strategy.version_id}`)",
        f"- Content pack `{pack.pack_id}`: {len(pack.items)} items",
        f"- QC run `{qc.run_id}`",
        f"- Run `{request.run_key}`",
    ]
    return ("\n".join(out) + "\n").encode()
