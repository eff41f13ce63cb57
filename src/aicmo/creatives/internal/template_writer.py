"""The default writer: offline, deterministic, built from the brief's own facts."""

from __future__ import annotations

import re

from aicmo.creatives.api.dtos import BriefFacts, SectionSpec, WrittenSection
from aicmo.creatives.internal.slots import slots
from aicmo.creatives.internal.template_bank import SectionSpecData, template_bank
from aicmo.platform.templating import usable

_SALT = {"body": 1, "cta": 2, "primary_text": 1, "preview": 0, "pillar": 3}
_VARIANT_STRIDE = 5
"""How far a retry (`spec.variant`) moves the rotation: co-prime with the bank sizes."""


class TemplateWriter:
    def write(self, spec: SectionSpec, facts: BriefFacts) -> WrittenSection:
        bank = template_bank()
        section = bank.sections.get(spec.kind)
        if section is None:
            raise ValueError(f"the template writer knows no section {spec.kind!r}: use one of {', '.join(bank.sections)}")
        position = spec.index + spec.variant * _VARIANT_STRIDE + _platform_offset(spec.platform)
        values = slots(facts, position, bank.fallbacks)
        fields = {}
        for field, all_templates in self._templates(section, spec).items():
            templates = usable(all_templates, values) or usable(section.fields[field], values)
            if not templates:
                raise ValueError(f"template_bank.yaml: no template of {spec.kind}.{field} can be filled from this brief")
            template = templates[(position + _SALT.get(field, 0)) % len(templates)]
            text = without_banned(template.format(**values), facts.banned_words)
            limit = bank.limits.get(field)
            fields[field] = fit(text, limit) if limit else text
        supports = usable(section.supports, values)
        if supports and "body" in fields:
            support = supports[(position // 3 + spec.variant) % len(supports)].format(**values)
            fields["body"] = f"{fields['body']} {without_banned(support, facts.banned_words)}"
        disclaimer = " ".join(facts.disclaimers) if spec.needs_disclaimer else ""
        body_field = section.disclaimer_field
        if spec.max_chars and body_field in fields:
            room = spec.max_chars - sum(len(v) + 2 for k, v in fields.items() if k != body_field)
            fields[body_field] = fit(fields[body_field], room - (len(disclaimer) + 2 if disclaimer else 0))
        if disclaimer:
            fields[body_field] = f"{fields[body_field]}\n\n{disclaimer}"
        return WrittenSection(fields=fields)

    def write_all(self, specs: list[SectionSpec], facts: BriefFacts) -> list[WrittenSection]:
        return [self.write(spec, facts) for spec in specs]

    @staticmethod
    def _templates(section: SectionSpecData, spec: SectionSpec) -> dict[str, list[str]]:
        """The section's templates, with the platform's own body templates where it has them."""
        platform_bodies = section.platform_bodies.get(spec.platform or "")
        if not platform_bodies:
            return section.fields
        return {**section.fields, "body": platform_bodies}


def _platform_offset(platform: str | None) -> int:
    """Each platform starts its rotation elsewhere, so posts for two platforms differ."""
    return sum(map(ord, platform or "")) % 7


def without_banned(text: str, banned: list[str]) -> str:
    """Remove each banned word or phrase (whole words, any case) and tidy the spacing."""
    for phrase in banned:
        text = re.sub(rf"(?i)\s*\b{re.escape(phrase)}\b", "", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def fit(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters at a sentence or word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    sentence_end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "), cut.rfind("\n"))
    if sentence_end > limit // 2:
        return cut[: sentence_end + 1].rstrip()
    return cut.rsplit(" ", 1)[0].rstrip(",;:—-") + "…"
