import pytest

from aicmo.cam.api import ReplyClass
from aicmo.cam.internal.classifier import RuleClassifier


@pytest.mark.parametrize(
    ("sender", "subject", "body", "expected"),
    [
        (
            "mailer-daemon@mx.example.org",
            "Delivery Status Notification (Failure)",
            "Address not found",
            ReplyClass.BOUNCE,
        ),
        (
            "jane@acme.io",
            "Automatic reply: Coffee for Acme",
            "I am out of the office until Monday.",
            ReplyClass.OUT_OF_OFFICE,
        ),
        ("jane@acme.io", "Re: Coffee", "Please remove me from your list.", ReplyClass.UNSUBSCRIBE),
        ("jane@acme.io", "Re: Coffee", "Thanks, but we're not interested.", ReplyClass.NEGATIVE),
        ("jane@acme.io", "Re: Coffee", "Sounds good — can we book a call next week?", ReplyClass.POSITIVE),
        ("jane@acme.io", "Re: Coffee", "Who gave you my address?", ReplyClass.NEUTRAL),
    ],
)
def test_each_kind_of_reply_is_recognised(sender, subject, body, expected):
    assert RuleClassifier().classify(sender, subject, body) == expected
