"""The sections a writer returns, one model per kind: the fields every writer fills."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def as_fields(self) -> dict[str, str]:
        """The section as named text fields, the form production stores."""
        return {name: value for name, value in self.model_dump().items() if value}


class PostCopy(_Section):
    """A social post: a hook, a body of 2-4 sentences, one call to action, topical hashtags."""

    hook: str = Field(min_length=1)
    body: str = Field(min_length=1)
    cta: str = Field(min_length=1)
    hashtags: str = ""


class CalendarEntryCopy(PostCopy):
    pillar: str = Field(min_length=1)
    """What the entry does in the plan, for the team (not published)."""


class EmailCopy(_Section):
    subject: str = Field(min_length=1, max_length=60)
    preview: str = Field(min_length=1, max_length=90)
    greeting: str = Field(min_length=1)
    body: str = Field(min_length=1)
    cta: str = Field(min_length=1)
    signoff: str = Field(min_length=1)


class AdCopy(_Section):
    headline: str = Field(min_length=1)
    primary_text: str = Field(min_length=1)
    description: str = Field(min_length=1)
    cta: str = Field(min_length=1)
    audience: str = Field(min_length=1)
    """Who to target, from the brief (not published)."""
    placement: str = Field(min_length=1)
    """Where the ad runs on the platform (not published)."""


class LandingPageCopy(_Section):
    hero: str = Field(min_length=1)
    subhead: str = Field(min_length=1)
    proof: str = ""
    """The brief's proof points; left out when the brief gives none."""
    offer: str = Field(min_length=1)
    faq: str = Field(min_length=1)
    cta: str = Field(min_length=1)
    meta_description: str = Field(min_length=1, max_length=160)


class OutlineSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    heading: str = Field(min_length=1)
    points: list[str] = Field(min_length=2, max_length=3)


class BlogOutlineCopy(_Section):
    title: str = Field(min_length=1)
    sections: list[OutlineSection] = Field(min_length=4, max_length=6)
    meta_description: str = Field(min_length=1, max_length=160)
    disclaimer: str = ""

    def as_fields(self) -> dict[str, str]:
        outline = "\n\n".join(f"## {s.heading}\n" + "\n".join(f"- {p}" for p in s.points) for s in self.sections)
        fields = {
            "title": self.title,
            "outline": outline,
            "meta_description": self.meta_description,
            "disclaimer": self.disclaimer,
        }
        return {name: value for name, value in fields.items() if value}
