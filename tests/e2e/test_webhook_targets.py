"""Where a webhook may go, and how long an attempt may take: real endpoints on loopback,
real `aicmo` processes."""

import getpass

import pytest
from pydantic import SecretStr

from aicmo.delivery.api import DeliveryTarget, TargetKind
from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap
from tests.briefs import example
from tests.conftest import EXAMPLE_BRIEF
from tests.local_servers import RedirectingEndpoint, TricklingEndpoint, WebhookEndpoint

from .cli import aicmo, env_for

pytestmark = pytest.mark.e2e
SECRET = "shared-secret-for-tests"
PASSWORD = "S3cretPW"


@pytest.fixture
def settings(sqlite_settings):
    """Two quick tries, signed webhooks, loopback endpoints allowed."""
    return sqlite_settings.model_copy(
        update={
            "delivery_attempts": 2,
            "delivery_backoff_seconds": 0.0,
            "webhook_secret": SecretStr(SECRET),
            "webhook_allow_private": True,
        }
    )


def deliver_to(settings, tmp_path, url: str):
    with bootstrap(settings) as app:
        run_id = app.workflows.start_client_to_delivery(
            example("northwind"),
            "northwind.yaml",
            tmp_path / "out",
            RunOptions(auto_approve=True, targets=[DeliveryTarget(kind=TargetKind.WEBHOOK, address=url)]),
        )
        return app.workflows.wait(run_id, timeout_seconds=120)


def test_a_redirect_is_a_failed_attempt_and_is_not_followed(settings, tmp_path):
    with WebhookEndpoint(SECRET) as elsewhere, RedirectingEndpoint(elsewhere.url) as moved:
        summary = deliver_to(settings, tmp_path, moved.url)

    assert summary.state == RunState.DELIVERY_FAILED
    assert "answered 302 Found: redirects are not followed" in summary.error
    assert moved.calls == 2 and elsewhere.calls == 0


def test_an_endpoint_that_trickles_its_answer_fails_each_attempt_at_the_deadline(settings, tmp_path):
    with TricklingEndpoint(interval=5) as slow:
        summary = deliver_to(settings.model_copy(update={"webhook_timeout_seconds": 1.0}), tmp_path, slow.url)

    assert summary.state == RunState.DELIVERY_FAILED
    assert "did not answer within 1 s" in summary.error
    assert slow.connections == 2


def test_a_loopback_endpoint_is_refused_at_delivery_unless_allowed(settings, tmp_path):
    with WebhookEndpoint(SECRET) as endpoint:
        summary = deliver_to(settings.model_copy(update={"webhook_allow_private": False}), tmp_path, endpoint.url)

    assert summary.state == RunState.DELIVERY_FAILED
    assert "127.0.0.1 is a loopback address" in summary.error and "AICMO_WEBHOOK_ALLOW_PRIVATE=1" in summary.error
    assert endpoint.calls == 0


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:9/hooks", "127.0.0.1 is a loopback address"),
        ("http://localhost:9/hooks", "localhost resolves to 127.0.0.1, a loopback address"),
        ("http://10.20.30.40/hooks", "10.20.30.40 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "a cloud metadata address"),
        ("http://[::ffff:169.254.169.254]/", "a cloud metadata address"),
        ("file:///etc/passwd", "is not an http(s) URL"),
        ("https://client.example.org/hooks\r\nX-Injected: 1", "contains a space, a line break"),
        ("https://client.example.org/my hooks", "contains a space"),
        (f"https://client:{PASSWORD}@client.example.org/hooks", "carries a user name or password"),
    ],
)
def test_the_cli_refuses_a_webhook_url_before_anything_runs(tmp_path, url, expected):
    home = tmp_path / "home"
    env = {"AICMO_HOME": str(home), "AICMO_WEBHOOK_SECRET": SECRET}

    # The bad --email beside it stops the run even if a URL got through: nothing is ever posted off this machine.
    result = aicmo("run", str(EXAMPLE_BRIEF), "--auto-approve", "--webhook", url, "--email", "not-an-address", env=env)

    [webhook_line] = [line for line in result.stderr.splitlines() if line.startswith("  - --webhook")]
    assert result.returncode == 2
    assert expected in webhook_line
    assert "Traceback" not in result.stderr and PASSWORD not in result.stderr + result.stdout
    assert not home.exists(), "nothing may be written for bad input"


def test_allowing_private_addresses_lets_the_cli_deliver_to_a_loopback_endpoint(sqlite_settings):
    env = env_for(sqlite_settings, AICMO_WEBHOOK_SECRET=SECRET, AICMO_WEBHOOK_ALLOW_PRIVATE="1")
    with WebhookEndpoint(SECRET) as endpoint:
        result = aicmo("run", str(EXAMPLE_BRIEF), "--auto-approve", "--webhook", endpoint.url, env=env)

    assert result.returncode == 0, result.stderr
    assert f"→ webhook {endpoint.url}: delivered after 1 attempt(s)" in result.stdout
    assert [received.signature_valid for received in endpoint.received] == [True]


@pytest.mark.postgres
def test_passwords_in_urls_are_never_printed(tmp_path, postgres_url):
    database = postgres_url.replace("://", f"://{getpass.getuser()}:{PASSWORD}@", 1)
    env = {
        "AICMO_HOME": str(tmp_path / "home"),
        "AICMO_DATABASE_URL": database,
        "AICMO_LOG_LEVEL": "DEBUG",
        "AICMO_DELIVERY_ATTEMPTS": "1",
        "AICMO_SMTP_URL": f"smtp://mailer:{PASSWORD}@127.0.0.1:9",
        "AICMO_IMAP_URL": f"imap://replies:{PASSWORD}@127.0.0.1:9/INBOX",
        "AICMO_WEBHOOK_SECRET": SECRET,
        "AICMO_WEBHOOK_ALLOW_PRIVATE": "1",
    }
    results = [
        aicmo(
            "run", str(EXAMPLE_BRIEF), "--auto-approve", "--webhook", f"http://hook:{PASSWORD}@127.0.0.1:9/", env=env
        ),
        aicmo("run", str(EXAMPLE_BRIEF), "--auto-approve", "--email", "client@example.org", env=env),
        aicmo("runs", env=env),
        aicmo("doctor", env=env),
        aicmo("cam", "worker", "--once", env=env),
    ]

    assert [result.returncode for result in results[:2]] == [2, 1], results[1].stderr
    assert "SMTP server 127.0.0.1:9 refused" in results[1].stderr
    for result in results:
        assert PASSWORD not in result.stdout + result.stderr, result.args
