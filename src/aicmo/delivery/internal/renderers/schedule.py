"""The content calendar for schedulers: an iCalendar file and a bulk-upload CSV.

Each entry is posted at the platform's usual hour in the brief's time zone; the .ics carries
that zone's VTIMEZONE, so calendars that do not know the zone name still place it right.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

from aicmo.delivery.api.dtos import PackageRequest
from aicmo.platform.csv_files import csv_bytes
from aicmo.production.api import ContentItem, ContentKind

POSTING_HOURS = {"linkedin": 8, "instagram": 12, "facebook": 13, "x": 9, "tiktok": 19, "youtube": 17}
CSV_HEADER = ("Date", "Time", "Platform", "Text", "Link", "Hashtags")
_URL = re.compile(r"https?://\S+")
_NAMESPACE = uuid.UUID("5b1a4d0e-8d2b-4d36-9d8e-2f8f3f5a7c11")


def _entries(request: PackageRequest) -> list[ContentItem]:
    return request.pack.of_kind(ContentKind.CALENDAR_ENTRY)


def _when(item: ContentItem, zone: ZoneInfo) -> dt.datetime:
    at = item.scheduled_time or dt.time(POSTING_HOURS.get(item.platform or "", 10))
    return dt.datetime.combine(item.scheduled_on, at, tzinfo=zone)


def _post_text(item: ContentItem) -> str:
    return "\n\n".join(item.fields[name] for name in ("hook", "body", "cta") if item.fields.get(name))


def render_ics(request: PackageRequest) -> bytes:
    from icalendar import Calendar, Event  # imported when a calendar is rendered: it slows every command's start-up

    zone = ZoneInfo(request.brief.brief.plan.timezone)
    calendar = Calendar()
    calendar.add("prodid", "-//AICMO//content calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{request.brief.client_name} content calendar")
    calendar.add("x-wr-timezone", request.brief.brief.plan.timezone)
    for item in _entries(request):
        event = Event()
        start = _when(item, zone)
        event.add("uid", f"{uuid.uuid5(_NAMESPACE, str(item.item_id))}@aicmo")
        event.add("dtstamp", request.pack.created_at)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=30))
        event.add("summary", f"{item.platform}: {item.fields['hook']}")
        event.add("description", f"{_post_text(item)}\n\n{item.fields.get('hashtags', '')}".strip())
        event.add("categories", [item.fields.get("pillar", "content")])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def render_csv(request: PackageRequest) -> bytes:
    zone = ZoneInfo(request.brief.brief.plan.timezone)
    rows = []
    for item in _entries(request):
        when = _when(item, zone)
        text = _post_text(item)
        link = next(iter(_URL.findall(text)), request.brief.brief.brand.website or "")
        rows.append(
            [
                when.strftime("%Y-%m-%d"),
                when.strftime("%H:%M"),
                item.platform,
                text,
                link,
                item.fields.get("hashtags", ""),
            ]
        )
    return csv_bytes(CSV_HEADER, rows)
