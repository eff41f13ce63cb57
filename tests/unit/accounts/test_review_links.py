"""Review links' rules booted on a fake unit of work: made for an address, decided once,
withdrawn, each step in the audit log."""

import datetime as dt
import uuid

import pytest

from aicmo.accounts.api import Actor, Channel, ReviewComment, ReviewDecision
from aicmo.kernel.errors import Conflict, InvalidInput
from tests.unit.app import bootstrap_test_app

OPERATOR = Actor(who="op@agency.example", channel=Channel.CONSOLE, address="198.51.100.4")
CLIENT = Actor(who="client via link", channel=Channel.LINK, address="203.0.113.7")
RUN = uuid.uuid4()
SAID = [ReviewComment(item_id="item-1", item_label="Social post 1 · LinkedIn", text="Warmer, please.")]


def make_link(app, **options):
    expires = app.clock.now() + dt.timedelta(days=7)
    return app.modules.review_links.create(RUN, "Northwind Roasters", "digest", expires, OPERATOR, **options)


def test_a_link_for_an_address_is_kept_lower_cased_and_its_sending_is_audited():
    app = bootstrap_test_app()

    made = make_link(app, send_to="Client@Northwind.Example")
    sent = app.modules.review_links.record_sent(made.link_id, OPERATOR)

    assert (made.sent_to, made.sent_at, sent.sent_at) == ("client@northwind.example", None, app.clock.now())
    actions = [(e.action, e.actor, e.detail) for e in app.modules.audit.entries()]
    assert ("review_link.send", "op@agency.example", "to client@northwind.example") in actions
    assert any(action == "review_link.create" for action, _, _ in actions)


def test_a_link_for_no_address_is_refused_naming_the_field_and_nothing_is_stored():
    app = bootstrap_test_app()

    with pytest.raises(InvalidInput) as refused:
        make_link(app, send_to="nobody")

    assert [p.field for p in refused.value.problems] == ["email"]
    assert app.modules.review_links.of_run(RUN) == [] and app.modules.audit.entries() == []


def test_a_link_decides_once_with_its_comments_and_the_decision_is_audited_as_the_client():
    app = bootstrap_test_app()
    link = make_link(app)

    decided = app.modules.review_links.decide(
        link.link_id, ReviewDecision.CHANGES_REQUESTED, "Closer to our voice.", SAID, CLIENT
    )
    with pytest.raises(Conflict):
        app.modules.review_links.decide(link.link_id, ReviewDecision.APPROVED, None, [], CLIENT)

    assert (decided.decision, decided.decision_comment, decided.comments) == (
        ReviewDecision.CHANGES_REQUESTED,
        "Closer to our voice.",
        SAID,
    )
    [entry] = [e for e in app.modules.audit.entries() if e.action.startswith("run.")]
    assert (entry.action, entry.actor, entry.channel, entry.address, entry.target) == (
        "run.request-changes",
        "client via link",
        Channel.LINK,
        "203.0.113.7",
        str(RUN),
    )


def test_a_withdrawn_link_cannot_decide():
    app = bootstrap_test_app()
    link = make_link(app)

    withdrawn = app.modules.review_links.revoke(link.link_id, OPERATOR)

    assert withdrawn.revoked_at == app.clock.now()
    with pytest.raises(Conflict):
        app.modules.review_links.decide(link.link_id, ReviewDecision.APPROVED, None, [], CLIENT)
    assert app.modules.review_links.link(link.link_id).decision is None
