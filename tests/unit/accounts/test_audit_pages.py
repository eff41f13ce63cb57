"""The audit log a page at a time, booted on a fake unit of work: filtered by one action or a
kind of action and by who, each entry on one page only, a cursor no page gave refused."""

import datetime as dt

import pytest

from aicmo.accounts.api import Actor, AuditQuery, Channel
from aicmo.kernel.errors import InvalidInput
from tests.unit.app import bootstrap_test_app


def logged(*entries: tuple[str, str]):
    """An app whose log holds `(who, action)` entries, a second apart, the last newest."""
    app = bootstrap_test_app()
    for who, action in entries:
        app.modules.audit.record(Actor(who=who, channel=Channel.CONSOLE), action, "target")
        app.clock.advance(dt.timedelta(seconds=1))
    return app.modules.audit


def test_a_kind_of_action_and_who_are_read_a_page_at_a_time():
    audit = logged(*[("ana@agency.example", "session.login"), ("bo@agency.example", "run.approve")] * 3)

    first = audit.page(AuditQuery(action="session.", actor="ANA@agency.example", limit=2))
    second = audit.page(AuditQuery(action="session.", actor="ana@agency.example", limit=2, cursor=first.next_cursor))

    shown = first.entries + second.entries
    assert [(e.actor, e.action) for e in shown] == [("ana@agency.example", "session.login")] * 3
    assert shown == sorted(shown, key=lambda e: e.at, reverse=True) and second.next_cursor is None
    assert [e.action for e in audit.page(AuditQuery(action="run.approve")).entries] == ["run.approve"] * 3
    assert audit.actions() == ["run.approve", "session.login"]


def test_a_cursor_no_page_gave_is_refused_naming_it():
    audit = logged(("ana@agency.example", "session.login"))

    with pytest.raises(InvalidInput) as refused:
        audit.page(AuditQuery(cursor="not-a-cursor"))

    assert [problem.field for problem in refused.value.problems] == ["cursor"]
