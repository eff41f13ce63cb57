"""`aicmo user` and `aicmo token` as an admin types them: passwords from standard input,
tokens printed once, each wrong value refused with the option named."""

import subprocess

import pytest

from .cli import AICMO, env_for

pytestmark = pytest.mark.e2e


def aicmo_with_input(settings, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AICMO, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env_for(settings), "COLUMNS": "200"},
        check=False,
    )


def test_an_admin_creates_users_and_a_token_that_is_shown_once_and_revoked(sqlite_settings):
    made = aicmo_with_input(
        sqlite_settings, "user", "create", "Ana@Agency.example", "--role", "admin", stdin="correct horse battery\n"
    )
    reviewer = aicmo_with_input(
        sqlite_settings,
        "user",
        "create",
        "bo@client.example",
        "--role",
        "reviewer",
        "--client",
        "Northwind",
        stdin="another long password\n",
    )
    token = aicmo_with_input(
        sqlite_settings, "token", "create", "--user", "ana@agency.example", "--name", "reporting script"
    )
    secret = token.stdout.strip().splitlines()[-1]
    listed = aicmo_with_input(sqlite_settings, "token", "list")
    revoked = aicmo_with_input(sqlite_settings, "token", "revoke", secret.rsplit("_", 1)[0])
    users = aicmo_with_input(sqlite_settings, "user", "list")

    assert (made.returncode, reviewer.returncode, token.returncode, revoked.returncode) == (0, 0, 0, 0), (
        made.stderr + token.stderr
    )
    assert made.stdout.strip() == "created ana@agency.example (admin)"
    assert secret.startswith("aicmo_") and secret not in listed.stdout and secret.rsplit("_", 1)[0] in listed.stdout
    assert "revoked" in revoked.stdout and "bo@client.example" in users.stdout and "Northwind" in users.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "field"),
    [
        (("user", "create", "ana@agency.example", "--role", "boss"), "correct horse battery\n", "--role"),
        (("user", "create", "bo@client.example", "--role", "reviewer"), "correct horse battery\n", "--client"),
        (("token", "create", "--user", "nobody@agency.example", "--name", "x"), "", "nobody@agency.example"),
    ],
)
def test_a_wrong_value_is_refused_with_the_field_named_and_no_traceback(sqlite_settings, args, stdin, field):
    refused = aicmo_with_input(sqlite_settings, *args, stdin=stdin)

    assert refused.returncode == 2 and field in refused.stderr and "Traceback" not in refused.stderr
