"""An SMTP send ends by its deadline, against real loopback servers that stall: one that
trickles its greeting a byte at a time (each read returns in time, the reply never ends) and
one that goes silent after the message is sent."""

import pytest

from aicmo.gateways.api import EmailMessage
from aicmo.gateways.internal.smtp_mailer import SmtpMailer
from aicmo.gateways.internal.socket_deadline import SocketDeadline
from aicmo.kernel.errors import ChannelUnavailable
from tests.local_servers import SmtpServer, TricklingEndpoint

DEADLINE = 0.4
"""Short, so the suite does not wait; the trickling server sends a byte every 0.1 s."""
MESSAGE = EmailMessage(to="jane@roastery.io", subject="Fresh beans", body="Hi Jane.")


def refusal(url: str) -> str:
    with pytest.raises(ChannelUnavailable) as caught:
        SmtpMailer(url, "AICMO <aicmo@localhost>", deadline_seconds=DEADLINE).send(MESSAGE)
    return str(caught.value)


def test_a_server_that_trickles_its_greeting_fails_the_send_at_the_deadline():
    with TricklingEndpoint(interval=0.1, limit=60, answer=TricklingEndpoint.SMTP_GREETING, speaks_first=True) as slow:
        address = slow.address
        error = refusal(f"smtp://{address}")

    assert error == f"SMTP server {address} did not finish within 0.4 s"


def test_a_server_that_never_answers_the_message_fails_the_send_at_the_deadline():
    with SmtpServer(stall=True) as silent:
        error = refusal(silent.url)

    assert silent.inbox.stalled == 1 and "did not finish within 0.4 s" in error


def test_a_server_that_answers_in_time_gets_the_message():
    with SmtpServer() as smtp:
        SmtpMailer(smtp.url, "AICMO <aicmo@localhost>", deadline_seconds=5.0).send(MESSAGE)

    assert [message["Subject"] for message in smtp.inbox.messages] == ["Fresh beans"]


def test_a_socket_wait_that_times_out_just_before_the_timer_fires_is_the_deadline_too():
    deadline = SocketDeadline(60)

    assert deadline.ran_out(TimeoutError("timed out"))
    assert not deadline.ran_out(ConnectionRefusedError("refused"))
