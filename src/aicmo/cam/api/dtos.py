"""CAM's vocabulary as it crosses module boundaries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

from aicmo.kernel.ids import TypedId

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class CampaignId(TypedId):
    """One outreach campaign."""


class LeadId(TypedId):
    """One prospect in one campaign."""


class WorkerId(TypedId):
    """One `cam worker` process."""


class LeadStage(StrEnum):
    """Where a lead stands in the agency's pipeline, in order."""

    NEW = "NEW"
    CONTACTED = "CONTACTED"
    REPLIED = "REPLIED"
    QUALIFIED = "QUALIFIED"
    MEETING = "MEETING"
    WON = "WON"
    LOST = "LOST"

    @property
    def closed(self) -> bool:
        return self in (LeadStage.WON, LeadStage.LOST)


class SendingMode(StrEnum):
    SIMULATION = "SIMULATION"
    """Messages are rendered to .eml files and never sent (the default)."""
    LIVE = "LIVE"


class IcpRules(BaseModel):
    """The ideal customer profile a lead is scored against; empty lists match anyone."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    industries: list[Name] = []
    titles: list[Name] = []
    locations: list[Name] = []
    min_company_size: Annotated[int, Field(ge=0)] | None = None
    max_company_size: Annotated[int, Field(ge=0)] | None = None


class NewCampaign(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Name
    icp: IcpRules = IcpRules()
    daily_cap: Annotated[int, Field(ge=0, le=10_000)] = 50
    window_start: dt.time = dt.time(9)
    window_end: dt.time = dt.time(17)
    timezone: Name = "UTC"
    mode: SendingMode = SendingMode.SIMULATION
    reply_timeout_days: Annotated[int, Field(ge=1, le=365)] = 14
    """A lead still CONTACTED this many days after the last step is closed as LOST (no reply)."""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}: use an IANA name such as Europe/Berlin or America/New_York"
            ) from None
        return value

    @field_validator("window_end")
    @classmethod
    def _window_in_order(cls, value: dt.time, info: ValidationInfo) -> dt.time:
        start = info.data.get("window_start")
        if start is not None and value <= start:
            raise ValueError("the sending window must start before it ends, e.g. 09:00-17:00")
        return value


class Campaign(NewCampaign):
    campaign_id: CampaignId
    paused: bool
    created_at: dt.datetime


class Lead(BaseModel):
    model_config = ConfigDict(frozen=True)

    lead_id: LeadId
    campaign_id: CampaignId
    email: str
    first_name: str | None = None
    last_name: str | None = None
    company: str | None = None
    title: str | None = None
    website: str | None = None
    industry: str | None = None
    location: str | None = None
    company_size: str | None = None
    stage: LeadStage
    score: int = 0
    """ICP fit (up to 70) plus engagement (up to 30)."""
    grade: str = "D"
    """A (75+), B (50+), C (25+) or D."""
    score_reasons: list[str] = []
    created_at: dt.datetime


class LeadSort(StrEnum):
    """The orders the leads table offers; each has its own index, so deep pages stay fast."""

    NEWEST = "newest"
    OLDEST = "oldest"
    SCORE_HIGH = "score_high"
    SCORE_LOW = "score_low"


class LeadQuery(BaseModel):
    """Which leads to show, in which order, one page at a time."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    campaign: str | None = None
    stage: LeadStage | None = None
    min_score: Annotated[int, Field(ge=0, le=100)] | None = None
    max_score: Annotated[int, Field(ge=0, le=100)] | None = None
    text: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    """Part of the lead's email address or company name, in any case."""
    sort: LeadSort = LeadSort.NEWEST
    cursor: str | None = None
    """Where the previous page ended: its `next_cursor`, as it was given; None for the first page."""
    limit: Annotated[int, Field(ge=1, le=200)] = 50

    @field_validator("max_score")
    @classmethod
    def _range_in_order(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("min_score")
        if value is not None and low is not None and value < low:
            raise ValueError(f"the highest score must not be below the lowest ({low})")
        return value


class LeadPage(BaseModel):
    """One page of leads, where the next one starts, and how many leads match in all."""

    model_config = ConfigDict(frozen=True)

    leads: list[Lead]
    next_cursor: str | None
    """Pass it as `cursor` for the next page; None on the last page."""
    matching: int | None
    """Leads matching the filters, counted up to a cap; None for a text search, which would
    read every lead to count."""
    more_than_counted: bool = False
    """True when more leads than `matching` match (the count stopped at its cap)."""


class TimelineKind(StrEnum):
    """What an entry of a lead's timeline records."""

    IMPORTED = "imported"
    STAGE = "stage"
    EMAIL = "email"
    REPLY = "reply"
    MEETING = "meeting"
    UNSUBSCRIBE = "unsubscribe"
    TIMEOUT = "timeout"


class LeadEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    at: dt.datetime
    kind: TimelineKind
    detail: str


class LeadDetail(BaseModel):
    model_config = ConfigDict(frozen=True)

    lead: Lead
    timeline: list[LeadEvent]


class ImportSummary(BaseModel):
    """What an import did with every row it read: accepted + duplicates + rejected = read."""

    model_config = ConfigDict(frozen=True)

    read: int
    accepted: int
    duplicates: int
    rejected: int
    rejects_file: str | None = None
    warnings: list[str] = []
    """Columns that shadow each other (the same header twice, two headers for one field) or that no lead field takes."""
    ignored_columns: list[str] = []
    """Headers of the columns whose cells were not stored: they name no lead field and were not mapped to one."""


class MessageVariant(BaseModel):
    """One wording of a step (A/B test). Tokens such as {{first_name}} or {{company|your team}} are filled per lead."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
    subject: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]


class SequenceStep(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    delay_days: Annotated[int, Field(ge=0, le=365)]
    """Days after the previous step (the first step goes out as soon as the window and cap allow)."""
    variants: Annotated[list[MessageVariant], Field(min_length=1, max_length=5)]


class SkipReason(StrEnum):
    """Why a lead that was due got no message in an outreach cycle."""

    CAMPAIGN_PAUSED = "campaign paused"
    DAILY_CAP = "daily cap"
    SUPPRESSED = "suppressed"
    OUTSIDE_WINDOW = "outside the sending window"
    NO_SMTP = "LIVE sending needs AICMO_SMTP_URL"
    SEND_FAILED = "send failed"
    CLAIM_LOST = "claim lost (this worker was taken for silent)"
    """Another worker took this one for silent and released its claims; the cycle stopped."""


class CycleReport(BaseModel):
    """What one outreach cycle did."""

    model_config = ConfigDict(frozen=True)

    sent: int
    simulated: int
    skipped: dict[SkipReason, int]
    """Why leads that were due got nothing, e.g. {SkipReason.DAILY_CAP: 3, SkipReason.SUPPRESSED: 1}."""
    released: int = 0
    """Claims of silent workers taken back, so their steps went out (again) in this cycle."""
    timed_out: int = 0
    """Leads closed as LOST because no reply came within the campaign's reply timeout."""


class WorkerStatus(BaseModel):
    """A worker's heartbeat row. It is stale when it stopped beating without saying it stopped."""

    model_config = ConfigDict(frozen=True)

    worker_id: WorkerId
    host: str
    pid: int
    started_at: dt.datetime
    last_seen: dt.datetime
    status: str
    """sending, idle, stopped, or stale (silent longer than the lease)."""
    cycles: int


class ReplyClass(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    OUT_OF_OFFICE = "out_of_office"
    BOUNCE = "bounce"
    UNSUBSCRIBE = "unsubscribe"
    NEUTRAL = "neutral"


class Reply(BaseModel):
    model_config = ConfigDict(frozen=True)

    lead_id: LeadId
    email: str
    subject: str
    snippet: str
    classification: ReplyClass
    received_at: dt.datetime
    needs_review: bool


class ReplyQuery(BaseModel):
    """Which replies to show, newest first, one page at a time."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    needs_review: bool = False
    """Only the positive replies whose lead has not moved on since."""
    classification: ReplyClass | None = None
    cursor: str | None = None
    """Where the previous page ended: its `next_cursor`, as it was given; None for the first page."""
    limit: Annotated[int, Field(ge=1, le=200)] = 50


class ReplyPage(BaseModel):
    """One page of replies and where the next one starts."""

    model_config = ConfigDict(frozen=True)

    replies: list[Reply]
    next_cursor: str | None
    """Pass it as `cursor` for the next page; None on the last page."""


class IngestReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    read: int
    recorded: int
    duplicates: int
    unmatched: int
    by_class: dict[str, int]
