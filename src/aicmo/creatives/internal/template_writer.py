"""The default writer: offline, deterministic, built from the brief's own facts."""

from __future__ import annotations

import re

from aicmo.creatives.api.dtos import BriefFacts, SectionSpec, WrittenSection
from aicmo.creatives.internal.slots import slots
from aicmo.creatives.internal.template_bank import SECTION_FIELDS, template_bank

_SALT = {"hook": 0, "body": 1, "cta": 2, "pillar": 0, "subject": 0, "preview": 0, "headline": 0, "primary_text": 1}
_DISCLAIMER_FIELD = {"email": "body", "ad": "primary_text", "landing_page": "cta", "social_post": "body"}


class TemplateWriter:
    def write(self, spec: SectionSpec, facts: BriefFacts) -> WrittenSection:
        if spec.kind not in SECTION_FIELDS:
            raise ValueError(f"the template writer knows no section {spec.kind!r}: use one of {', '.join(SECTION_FIELDS)}")
        bank = template_bank()
        values = slots(facts, spec.index + _platform_offset(spec.platform), bank.fallbacks)
        fields = {}
        for field in SECTION_FIELDS[spec.kind]:
            templates = bank.sections[spec.kind][field]
            template = templates[(spec.index + _SALT.get(field, 0)) % len(templates)]
            fields[field] = _without_banned(template.format(**values), facts.banned_words)
        disclaimer = " ".join(facts.disclaimers) if spec.needs_disclaimer else ""
        if spec.max_chars:
            body_field = "primary_text" if spec.kind == "ad" else "body"
            if body_field in fields:
                room = spec.max_chars - _other_length(fields, body_field) - (len(disclaimer) + 2 if disclaimer else 0)
                fields[body_field] = fit(fields[body_field], room)
        if disclaimer:
            target = _DISCLAIMER_FIELD.get(spec.kind, SECTION_FIELDS[spec.kind][-1])
            fields[target] = f"{fields[target]}\n\n{disclaimer}"
        return WrittenSection(fields=fields)


def _platform_offset(platform: str | None) -> int:
    """Each platform starts its rotation elsewhere, so posts for two platforms differ."""
    return sum(map(ord, platform or "")) % 7


def _other_length(fields: dict[str, str], skip: str) -> int:
    return sum(len(v) + 2 for k, v in fields.items() if k != skip and k in ("hook", "cta", "headline"))


def _without_banned(text: str, banned: list[str]) -> str:
    for word in banned:
        text = re.sub(rf"(?i)\b{re.escape(word)}\b\s*", "", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def fit(text: str, limit: int) -> str:
    """Cut `text` to `limit` characters at a sentence or word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    sentence_end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if sentence_end > limit // 2:
        return cut[: sentence_end + 1]
    return cut.rsplit(" ", 1)[0].rstrip(",;:—-") + "…"
