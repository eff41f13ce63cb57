"""Spreads a month's calendar entries over its days as the channel plan's weekly cadence asks."""

from __future__ import annotations

import datetime as dt

SATURDAY = 5


def shares(cadence: dict[str, int], total: int, weeks: float) -> dict[str, int]:
    """`total` entries by channel: each as many as its weekly cadence gives over `weeks`, then the
    busiest channels trimmed (or the busiest grown) to the total; a once-a-week channel keeps its sends."""
    weight = sum(cadence.values())
    ideal = {name: total * n / weight for name, n in cadence.items()}
    counts = {name: max(1, round(n * weeks)) for name, n in cadence.items()}
    while sum(counts.values()) > total:
        trimmable = [name for name in counts if cadence[name] > 1 and counts[name] > 1] or [
            n for n in counts if counts[n] > 1
        ]
        counts[max(trimmable, key=lambda name: counts[name] - ideal[name])] -= 1
    while sum(counts.values()) < total:
        counts[max(counts, key=lambda name: ideal[name] - counts[name])] += 1
    return counts


def calendar_slots(
    cadence: dict[str, int], days: list[dt.date], total: int, *, weekdays_only: bool
) -> list[tuple[dt.date, str]]:
    """(day, channel) pairs: each channel's entries evenly spaced, channels staggered, one per channel a day."""
    usable = [d for d in days if not weekdays_only or d.weekday() < SATURDAY]
    slots: list[tuple[dt.date, str]] = []
    for offset, (name, count) in enumerate(shares(cadence, total, len(days) / 7).items()):
        count = min(count, len(usable))
        step = len(usable) / count if count else 0
        picked = {int(k * step + offset * step / max(len(cadence), 1)) % len(usable) for k in range(count)}
        spare = (i for i in range(len(usable)) if i not in picked)
        while len(picked) < count:
            picked.add(next(spare))
        slots += [(usable[i], name) for i in sorted(picked)]
    return slots
