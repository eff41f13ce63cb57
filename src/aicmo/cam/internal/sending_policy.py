"""What may be sent, and when: a campaign's sending window, its daily cap and the suppression
list, as rules on plain values so they are tested without a database. `send_cycle.py` reads
the rows and applies them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar
from zoneinfo import ZoneInfo

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.internal.suppressions import is_suppressed

CLAIMED, SUPPRESSED, SENT, SIMULATED, FAILED = "claimed", "suppressed", "sent", "simulated", "failed"
UNDER_CAP = (CLAIMED, SENT, SIMULATED)
"""Sends that count toward a campaign's daily cap."""
ACTIVE_STAGES = (LeadStage.NEW, LeadStage.CONTACTED)
"""A sequence stops once a lead replies, is qualified, won, lost or unsubscribes."""
L = TypeVar("L")


def in_sending_window(start: dt.time, end: dt.time, timezone: str, now: dt.datetime) -> bool:
    """Whether `now` falls in the window [start, end) of the campaign's local time."""
    return start <= now.astimezone(ZoneInfo(timezone)).time() < end


def cap_day_start(timezone: str, now: dt.datetime) -> dt.datetime:
    """When the campaign's day began, in UTC: the daily cap counts the sends since local midnight."""
    return now.astimezone(ZoneInfo(timezone)).replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)


def room_under_cap(daily_cap: int, used_today: int) -> int:
    """How many more steps the campaign may claim today."""
    return max(0, daily_cap - used_today)


def suppression_keys(email_keys: Iterable[str]) -> set[str]:
    """The addresses and their domains to look up on the suppression list."""
    keys = set(email_keys)
    return keys | {key.rpartition("@")[2] for key in keys}


def triage(leads: list[tuple[L, str]], suppressed: set[str], room: int) -> list[tuple[L, str]]:
    """Each due lead (with its email key), in order, with what its step becomes: SUPPRESSED when its
    address or domain is on the list, else CLAIMED while the cap has room; leads past the room
    are left for another day (a suppressed one is still recorded, so it is never due again)."""
    taken: list[tuple[L, str]] = []
    claimed = 0
    for lead, key in leads:
        if is_suppressed(key, suppressed):
            taken.append((lead, SUPPRESSED))
        elif claimed < room:
            taken.append((lead, CLAIMED))
            claimed += 1
    return taken
