"""The brief, as it crosses module boundaries, and the records onboarding keeps of it."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from aicmo.kernel.ids import TypedId
from aicmo.onboarding.api.branding import BrandColors, BrandLogo, FontName, logo_from_file
from aicmo.onboarding.api.facts import BriefFacts

MAX_LIST = 50


class BriefLimits(BaseModel):
    """How large a brief may be, so a caller can refuse a file before reading it."""

    model_config = ConfigDict(frozen=True)

    max_bytes: int = 1024 * 1024
    max_nesting: int = 10
    """Lists and mappings inside each other; a brief needs four (brief → offer → items → item)."""


class ExampleBrief(BaseModel):
    """The brief the parser's advice points at: `path` as its messages name it (in the repository),
    `content` as shipped inside the package, for whoever cannot open the repository."""

    model_config = ConfigDict(frozen=True)

    path: str
    content: bytes


class BriefId(TypedId):
    """One client's brief across all its versions."""


class BriefVersionId(TypedId):
    """One immutable version of a brief."""


class IntakeId(TypedId):
    """One intake: a client arriving, with or without a brief yet."""


class Objective(StrEnum):
    AWARENESS = "awareness"
    LEADS = "leads"
    SALES = "sales"
    HIRING = "hiring"
    RETENTION = "retention"


class Deliverable(StrEnum):
    STRATEGY = "strategy"
    CALENDAR_30D = "calendar_30d"
    SOCIAL_POSTS = "social_posts"
    EMAIL_SEQUENCE = "email_sequence"
    AD_COPY = "ad_copy"
    LANDING_PAGE = "landing_page"
    BLOG_OUTLINE = "blog_outline"


class OutputFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    PPTX = "pptx"
    MD = "md"
    ICS = "ics"
    CSV = "csv"
    ZIP = "zip"


class Platform(StrEnum):
    LINKEDIN = "linkedin"
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    X = "x"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    EMAIL = "email"

    @property
    def display_name(self) -> str:
        """How the platform is written for a reader: "LinkedIn", "X", "Email"."""
        return _PLATFORM_NAMES.get(self.value, self.value.capitalize())


_PLATFORM_NAMES = {"linkedin": "LinkedIn", "x": "X", "tiktok": "TikTok", "youtube": "YouTube"}

_PLATFORM_ALIASES = {"twitter": "x", "x (twitter)": "x", "fb": "facebook", "ig": "instagram", "e-mail": "email"}


def _canonical_platform(value: object) -> object:
    if isinstance(value, str):
        key = value.strip().lower()
        return _PLATFORM_ALIASES.get(key, key)
    return value


def _canonical_word(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


def _known_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ValueError, KeyError):
        raise ValueError(f"unknown time zone {value!r}: use an IANA name such as UTC or America/Los_Angeles") from None
    return value


def _names_an_amount(value: str) -> str:
    """The plan splits a budget by its amount; a budget without one would be silently ignored."""
    if not re.search(r"\d", value):
        raise ValueError('names no amount: write an amount, a currency and a period, like "8000 USD per month"')
    return value


_Item = TypeVar("_Item")


def _dedupe(values: list[_Item]) -> list[_Item]:
    """Keep the first of values equal up to case and surrounding space."""
    seen: set[str] = set()
    kept: list[_Item] = []
    for value in values:
        key = str(value).casefold()
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept


# A name reaches mail headers and file names: one line, no control character at all.
# Text may hold paragraphs (tab, line feed, carriage return) and nothing else of the kind.
_NOT_IN_A_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NOT_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _refuse(pattern: re.Pattern[str], value: str) -> str:
    found = pattern.search(value)
    if found is None:
        return value
    char = found.group()
    if char in "\n\r\u2028\u2029":
        raise ValueError("contains a line break — keep it on one line")
    raise ValueError(f"contains the control character U+{ord(char):04X} — remove it")


def _one_line(value: str) -> str:
    return _refuse(_NOT_IN_A_NAME, value)


def _plain_text(value: str) -> str:
    return _refuse(_NOT_IN_TEXT, value)


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_one_line)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000), AfterValidator(_plain_text)
]
TextList = Annotated[list[Text], Field(max_length=MAX_LIST), AfterValidator(_dedupe)]
NameList = Annotated[list[Name], Field(max_length=MAX_LIST), AfterValidator(_dedupe)]
PlatformName = Annotated[Platform, BeforeValidator(_canonical_platform)]
PlatformList = Annotated[list[PlatformName], Field(max_length=MAX_LIST), AfterValidator(_dedupe)]


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Brand(_Section):
    name: Name
    industry: Name
    product: Text
    website: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, max_length=2000, pattern=r"^https?://\S+$"),
            AfterValidator(_one_line),
        ]
        | None
    ) = None
    locations: NameList = []
    description: Text | None = None
    colors: BrandColors = BrandColors()
    logo: Annotated[BrandLogo | None, BeforeValidator(logo_from_file)] = None
    """Given as a .png or .svg path relative to the brief file; kept as the file's bytes."""
    font: FontName | None = None


class OfferItem(_Section):
    name: Name
    usp: Text | None = None
    price: Name | None = None


class Offer(_Section):
    items: Annotated[list[OfferItem], Field(max_length=MAX_LIST)] = []
    current_offers: Text | None = None
    proof: TextList = []


class Audience(_Section):
    primary: Text
    secondary: Text | None = None
    pain_points: TextList = []
    desired_outcomes: TextList = []
    objections: TextList = []
    hangouts: NameList = []


class Goal(_Section):
    objective: Annotated[Objective, BeforeValidator(_canonical_word)]
    kpis: TextList = []
    timeline_weeks: Annotated[int, Field(ge=1, le=104)] = 12
    budget: Annotated[Name, AfterValidator(_names_an_amount)] | None = None


class Voice(_Section):
    tone: NameList = []
    adjectives: NameList = []
    examples: TextList = []
    banned_words: NameList = []
    required_disclaimers: TextList = []
    language: Annotated[
        str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z]{2}(-[a-z]{2})?$")
    ] = "en"


class Constraints(_Section):
    focus_platforms: PlatformList = []
    avoid_platforms: PlatformList = []
    geography: Text | None = None
    competitors: NameList = []
    legal_notes: Text | None = None

    @model_validator(mode="after")
    def _focus_is_not_avoided(self) -> Constraints:
        both = [p.value for p in self.focus_platforms if p in self.avoid_platforms]
        if both:
            raise ValueError(f"{', '.join(both)} is both a focus and an avoided platform: remove it from one list")
        return self


class Plan(_Section):
    deliverables: Annotated[
        list[Annotated[Deliverable, BeforeValidator(_canonical_word)]],
        Field(min_length=1, max_length=MAX_LIST),
        AfterValidator(_dedupe),
    ]
    formats: Annotated[
        list[Annotated[OutputFormat, BeforeValidator(_canonical_word)]],
        Field(max_length=MAX_LIST),
        AfterValidator(_dedupe),
    ] = [OutputFormat.MD, OutputFormat.ZIP]
    start_date: dt.date
    timezone: Annotated[Name, AfterValidator(_known_timezone)] = "UTC"
    timezone_from: Literal["brief", "locations", "default"] = "brief"
    """Where the time zone came from: the brief, the brand's locations, or the UTC default."""


class Brief(_Section):
    """A client's brief: what the agency knows and what it must make."""

    brand: Brand
    offer: Offer = Offer()
    audience: Audience
    goal: Goal
    voice: Voice = Voice()
    constraints: Constraints = Constraints()
    plan: Plan

    @property
    def client_name(self) -> str:
        return self.brand.name


class Intake(BaseModel):
    """A client arriving: from a brief file, or from a won deal before any brief exists."""

    model_config = ConfigDict(frozen=True)

    intake_id: IntakeId
    client_name: str
    source: str
    contact_email: str | None
    contact_name: str | None
    has_brief: bool
    created_at: dt.datetime


class BriefRecord(BaseModel):
    """A stored version of a brief."""

    model_config = ConfigDict(frozen=True)

    brief_id: BriefId
    version_id: BriefVersionId
    version: int
    intake_id: IntakeId
    client_name: str
    checksum: str
    created_at: dt.datetime
    brief: Brief
    facts: BriefFacts
    """The brief's facts, typed at intake."""
