"""Whether each deliverable is whole: no copy cut to fit, no section that is a heading or a
single sentence where its kind needs more."""

from __future__ import annotations

import re

from pydantic import Field

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.params import ByKind, RuleParams
from aicmo.qc.internal.checks.prose import sentence_key, sentences


class CutCopyParams(RuleParams):
    fields: list[str]
    """Fields written to a length limit."""
    endings: list[str] = Field(min_length=1)
    """How cut copy ends ("…", "...")."""


class ThinSectionParams(RuleParams):
    sentences: ByKind[dict[str, int]]
    """By kind, the least number of sentences each field needs."""
    points: ByKind[dict[str, int]]
    """By kind, the least number of lines each heading of a field needs under it."""
    sections: ByKind[dict[str, int]]
    """By kind, the least number of headings a field needs."""
    headings: list[re.Pattern[str]] = Field(min_length=1)
    """How a heading line starts; the first pattern that matches a line of the field marks its headings."""
    formulas: list[re.Pattern[str]]
    """Lines that are no sentence of the body: greetings, sign-offs."""
    with_proof: ByKind[list[str]] = {}
    """By kind, fields needed only when the brief gives proof (offer.proof): without it the section is left out."""


def cut_copy(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: CutCopyParams = ctx.params
    found = []
    for name in params.fields:
        lines = [line.rstrip() for line in item.fields.get(name, "").splitlines()]
        if any(line.endswith(tuple(params.endings)) for line in lines):
            found.append(name.replace("_", " "))
    return found


def is_formula(sentence: str, formulas: list[re.Pattern[str]]) -> bool:
    return any(pattern.search(sentence) for pattern in formulas)


def thin_sections(item: ContentItem, ctx: CheckContext) -> list[str]:
    params: ThinSectionParams = ctx.params
    kind = item.kind.value
    disclaimers = {sentence_key(s) for d in ctx.brief.voice.required_disclaimers for s in sentences(d)}
    found = []
    left_out = () if ctx.brief.offer.proof else params.with_proof.get(kind, ())
    for name, least in params.sentences.get(kind, {}).items():
        if name in left_out:
            continue
        said = [
            s
            for s in sentences(item.fields.get(name, ""))
            if not is_formula(s, params.formulas) and sentence_key(s) not in disclaimers
        ]
        if len(said) < least:
            found.append(
                f"the {name.replace('_', ' ')} has {len(said)} sentence{'' if len(said) == 1 else 's'}"
                f" (it needs {least} or more)"
            )
    for name, least in params.sections.get(kind, {}).items():
        count = len(_headings(item.fields.get(name, ""), params.headings))
        if count < least:
            found.append(
                f"the {name.replace('_', ' ')} has {count} section{'' if count == 1 else 's'}"
                f" (it needs {least} or more)"
            )
    for name, least in params.points.get(kind, {}).items():
        bare = _headings_without_points(item.fields.get(name, ""), least, params.headings)
        if bare:
            shown = ", ".join(repr(h) for h in bare[:3]) + (f" and {len(bare) - 3} more" if len(bare) > 3 else "")
            found.append(
                f"the {name.replace('_', ' ')} has headings with fewer than {least} points under them: {shown}"
            )
    return found


def _heading_pattern(lines: list[str], headings: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """The first heading pattern that matches a line: "## " headings make numbered lines points."""
    return next((p for p in headings if any(p.match(line) for line in lines)), None)


def _headings(text: str, headings: list[re.Pattern[str]]) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    pattern = _heading_pattern(lines, headings)
    return [line for line in lines if pattern and pattern.match(line)]


def _headings_without_points(text: str, least: int, headings: list[re.Pattern[str]]) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    pattern = _heading_pattern(lines, headings)
    if pattern is None:
        return []
    bare, current, points = [], None, 0
    for line in [*lines, None]:
        if line is None or pattern.match(line):
            if current is not None and points < least:
                bare.append(pattern.sub("", current, count=1).strip())
            current, points = line, 0
        else:
            points += 1
    return bare
