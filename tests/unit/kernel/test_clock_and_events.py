from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from aicmo.kernel.clock import FixedClock
from aicmo.kernel.events import DomainEvent


class OrderShipped(DomainEvent):
    order: str


def test_fixed_clock_moves_only_when_told():
    clock = FixedClock(datetime(2027, 1, 4, tzinfo=UTC))

    clock.advance(timedelta(days=1))

    assert clock.now() == datetime(2027, 1, 5, tzinfo=UTC)


def test_fixed_clock_refuses_naive_time():
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(datetime(2027, 1, 4))


def test_events_are_frozen_and_carry_identity_and_time():
    event = OrderShipped(order="A-1")

    with pytest.raises(ValidationError):
        event.order = "B-2"  # type: ignore[misc]
    assert event.event_id != OrderShipped(order="A-1").event_id
    assert event.occurred_at.tzinfo is not None
    assert event.event_type() == "OrderShipped"
