"""A campaign's sending window, daily cap and suppression list, as rules on values: no database."""

import datetime as dt

import pytest

from aicmo.cam.internal.sending_policy import (
    CLAIMED,
    SUPPRESSED,
    cap_day_start,
    in_sending_window,
    room_under_cap,
    suppression_keys,
    triage,
)

NINE, FIVE = dt.time(9), dt.time(17)


@pytest.mark.parametrize(
    ("utc", "inside"),
    [("07:59", False), ("08:00", True), ("15:59", True), ("16:00", False)],
)
def test_the_window_is_read_in_the_campaigns_time_zone_start_included_end_excluded(utc, inside):
    now = dt.datetime.fromisoformat(f"2027-01-12T{utc}+00:00")  # Berlin is UTC+1 in January

    assert in_sending_window(NINE, FIVE, "Europe/Berlin", now) is inside


def test_the_cap_counts_from_local_midnight_whatever_the_utc_date():
    late_evening_in_la = dt.datetime(2027, 7, 2, 5, 30, tzinfo=dt.UTC)  # 22:30 on 1 July, UTC-7

    assert cap_day_start("America/Los_Angeles", late_evening_in_la) == dt.datetime(2027, 7, 1, 7, 0, tzinfo=dt.UTC)
    assert cap_day_start("UTC", late_evening_in_la) == dt.datetime(2027, 7, 2, 0, 0, tzinfo=dt.UTC)


def test_room_under_the_cap_never_goes_below_zero():
    assert [room_under_cap(50, used) for used in (0, 49, 50, 60)] == [50, 1, 0, 0]


def test_addresses_are_looked_up_with_their_domains():
    assert suppression_keys(["ana@acme.test", "bo@acme.test", "cy@zeta.test"]) == {
        "ana@acme.test",
        "bo@acme.test",
        "cy@zeta.test",
        "acme.test",
        "zeta.test",
    }


def test_suppressed_addresses_and_domains_are_recorded_and_the_rest_claimed_while_the_cap_has_room():
    due = [("a", "a@ok.test"), ("b", "b@blocked.test"), ("c", "c@ok.test"), ("d", "d@ok.test"), ("e", "e@me.test")]

    taken = triage(due, suppressed={"blocked.test", "e@me.test"}, room=2)

    assert taken == [("a", CLAIMED), ("b", SUPPRESSED), ("c", CLAIMED), ("e", SUPPRESSED)]
