"""The default writer: offline, deterministic, composed from the brief's typed facts."""

from __future__ import annotations

from collections.abc import Callable

from aicmo.creatives.api.dtos import BriefFacts, SectionSpec, WrittenSection
from aicmo.creatives.internal.ads import write_ad
from aicmo.creatives.internal.composer import Composer
from aicmo.creatives.internal.emails import write_email
from aicmo.creatives.internal.pages import write_blog_outline, write_landing_page
from aicmo.creatives.internal.posts import write_calendar_entry, write_post

_BUILDERS: dict[str, Callable] = {
    "social_post": write_post,
    "calendar_entry": write_calendar_entry,
    "email": write_email,
    "ad": write_ad,
    "landing_page": write_landing_page,
    "blog_outline": write_blog_outline,
}


class TemplateWriter:
    writes_in_sequence = True
    stand_in = None

    def write(self, spec: SectionSpec, facts: BriefFacts) -> WrittenSection:
        build = _BUILDERS.get(spec.kind)
        if build is None:
            raise ValueError(f"the template writer knows no section {spec.kind!r}: use one of {', '.join(_BUILDERS)}")
        return WrittenSection(fields=build(Composer(spec, facts)).as_fields())

    def write_all(self, specs: list[SectionSpec], facts: BriefFacts) -> list[WrittenSection]:
        return [self.write(spec, facts) for spec in specs]
