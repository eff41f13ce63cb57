"""A meeting invitation as an iCalendar (.ics) attachment, sent in the campaign's mode."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.gateways.api import EmailMessage, OutgoingFile


def invitation(
    *,
    lead_id: uuid.UUID,
    attendee: str,
    organizer: str,
    title: str,
    start: dt.datetime,
    minutes: int,
    stamp: dt.datetime,
) -> bytes:
    from icalendar import (
        Calendar,
        Event,
        vCalAddress,
    )  # imported when a meeting is sent: it slows every command's start-up

    calendar = Calendar()
    calendar.add("prodid", "-//AICMO//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, f'{lead_id}/{start.isoformat()}')}@aicmo")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=minutes))
    event.add("summary", title)
    event["organizer"] = vCalAddress(f"mailto:{organizer}")
    event.add("attendee", vCalAddress(f"mailto:{attendee}"), parameters={"ROLE": "REQ-PARTICIPANT", "RSVP": "TRUE"})
    calendar.add_component(event)
    return calendar.to_ical()


def invitation_email(*, to: str, title: str, start: dt.datetime, minutes: int, ics: bytes) -> EmailMessage:
    when = f"{start:%A %d %B %Y, %H:%M} ({start.tzname()}), {minutes} minutes"
    return EmailMessage(
        to=to,
        subject=f"Invitation: {title}",
        body=(
            f"Hello,\n\nAs agreed, here is our meeting: {when}.\n"
            "The invitation is attached; accept it to add it to your calendar."
        ),
        attachments=[OutgoingFile(name="invite.ics", content=ics)],
    )
