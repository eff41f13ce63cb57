import pytest

from aicmo.gateways.api import EmailMessage, OutgoingFile, WebhookCall
from aicmo.kernel.errors import ChannelUnavailable
from tests.fakes import FakeFileDrop, FakeMailer, FakeWebhookPoster


def test_each_channel_refuses_as_often_as_told_then_keeps_what_it_takes():
    drop, mailer, poster = FakeFileDrop(refusals=1), FakeMailer(refusals=1), FakeWebhookPoster(refusals=1)
    file = OutgoingFile(name="plan.md", content=b"# Plan")
    message = EmailMessage(to="a@b.test", subject="Plan", body="Attached.")
    call = WebhookCall(url="https://hooks.test/x", body=b"{}", idempotency_key="k")

    for refused in (lambda: drop.write("/out", [file]), lambda: mailer.send(message), lambda: poster.post(call)):
        with pytest.raises(ChannelUnavailable):
            refused()
    [written] = drop.write("/out", [file])

    assert drop.files == {written.path: b"# Plan"} and written.size == 6
    assert mailer.send(message) and mailer.sent == [message] and mailer.attempts == 2
    assert poster.post(call) == 200 and poster.posted == [call] and poster.attempts == 2
