"""`aicmo user` and `aicmo token` as an admin types them: passwords from standard input,
tokens printed once, each wrong value refused with the option named."""

import subprocess

import pytest

from aicmo.accounts.api import Actor, Channel
from aicmo.kernel.errors import InvalidInput, TooManyAttempts
from aicmo.orchestration.composition import bootstrap

from .cli import AICMO, env_for

pytestmark = pytest.mark.e2e


def aicmo_with_input(settings, *args: str, stdin: str = "", columns: int = 200) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AICMO, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env_for(settings), "COLUMNS": str(columns)},
        check=False,
    )


def create_reviewer(settings, client: str) -> subprocess.CompletedProcess[str]:
    return aicmo_with_input(
        settings,
        *("user", "create", "bo@client.example", "--role", "reviewer", "--client", client),
        stdin="another long password\n",
    )


def test_an_admin_creates_users_and_a_token_that_is_shown_once_and_revoked(sqlite_settings):
    made = aicmo_with_input(
        sqlite_settings, "user", "create", "Ana@Agency.example", "--role", "admin", stdin="correct horse battery\n"
    )
    reviewer = create_reviewer(sqlite_settings, "Northwind")
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


def test_a_reviewer_of_a_client_with_no_run_yet_is_made_with_a_note_on_how_runs_are_matched(sqlite_settings):
    """A misspelt client would show its reviewer nothing, silently: the admin is told."""
    made = create_reviewer(sqlite_settings, "Northwind Roaster")

    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines() == [
        "created bo@client.example (reviewer, client Northwind Roaster)",
        "note: no run of a client named 'Northwind Roaster' yet — the reviewer will see the runs whose brief's"
        " brand.name is exactly that",
    ]


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


def test_a_new_password_set_from_the_command_line_lifts_a_lockout_the_server_keeps(sqlite_settings):
    browser = Actor(who=None, channel=Channel.CONSOLE, address="203.0.113.7")
    aicmo_with_input(
        sqlite_settings, "user", "create", "op@agency.example", "--role", "operator", stdin="old password!!\n"
    )
    with bootstrap(sqlite_settings, launch_durable=False) as server:
        for _ in range(5):
            with pytest.raises(InvalidInput):
                server.accounts.sign_in("op@agency.example", "a wrong guess", browser)
        with pytest.raises(TooManyAttempts):
            server.accounts.sign_in("op@agency.example", "old password!!", browser)

        changed = aicmo_with_input(sqlite_settings, "user", "password", "op@agency.example", stdin="new password!!\n")

        assert changed.returncode == 0, changed.stderr
        assert server.accounts.sign_in("op@agency.example", "new password!!", browser).email == "op@agency.example"


def test_disabling_a_disabled_user_says_so_and_changes_nothing(sqlite_settings):
    aicmo_with_input(
        sqlite_settings, "user", "create", "op@agency.example", "--role", "operator", stdin="old password!!\n"
    )
    first = aicmo_with_input(sqlite_settings, "user", "disable", "op@agency.example")
    again = aicmo_with_input(sqlite_settings, "user", "disable", "Op@agency.example")

    assert first.stdout.startswith("disabled op@agency.example")
    assert (again.returncode, again.stdout.strip()) == (0, "op@agency.example was already disabled: nothing changed")


def test_a_disabled_user_is_enabled_again_and_until_then_its_token_is_listed_as_not_working(sqlite_settings):
    aicmo_with_input(
        sqlite_settings, "user", "create", "op@agency.example", "--role", "operator", stdin="old password!!\n"
    )
    secret = aicmo_with_input(sqlite_settings, "token", "create", "--user", "op@agency.example", "--name", "nightly")
    aicmo_with_input(sqlite_settings, "user", "disable", "op@agency.example")
    while_disabled = aicmo_with_input(sqlite_settings, "token", "list")
    new_password = aicmo_with_input(sqlite_settings, "user", "password", "op@agency.example", stdin="new password!!\n")
    made_again = aicmo_with_input(
        sqlite_settings, "user", "create", "op@agency.example", "--role", "operator", stdin="old password!!\n"
    )

    enabled = aicmo_with_input(sqlite_settings, "user", "enable", "Op@agency.example")
    again = aicmo_with_input(sqlite_settings, "user", "enable", "op@agency.example")
    listed = aicmo_with_input(sqlite_settings, "token", "list")

    assert "user disabled" in while_disabled.stdout and "active" not in while_disabled.stdout
    assert "op@agency.example is still disabled: `aicmo user enable op@agency.example`" in new_password.stdout
    assert made_again.returncode == 2 and "`aicmo user enable op@agency.example` turns it on" in made_again.stderr
    assert (enabled.returncode, enabled.stdout.split(":")[0]) == (0, "enabled op@agency.example")
    assert (again.returncode, again.stdout.strip()) == (0, "op@agency.example is active already: nothing changed")
    assert "active" in listed.stdout and "user disabled" not in listed.stdout
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        browser = Actor(who=None, channel=Channel.CONSOLE, address="203.0.113.7")
        assert app.accounts.sign_in("op@agency.example", "new password!!", browser).email == "op@agency.example"
        assert app.accounts.user_of_token(secret.stdout.strip().splitlines()[-1]) is not None
        assert [e.channel for e in app.audit.entries(50, target="op@agency.example") if e.action == "user.enable"] == [
            Channel.CLI
        ]


def test_user_list_shows_every_email_in_full_in_an_80_column_terminal(sqlite_settings):
    users = {
        "ana@agency.example": ("--role", "operator"),
        "averyverylongname.person@subsidiary.agency.example": ("--role", "operator"),
        "bo@client.example": ("--role", "reviewer", "--client", "Northwind Roasters"),
    }
    for email, options in users.items():
        aicmo_with_input(sqlite_settings, "user", "create", email, *options, stdin="old password!!\n")

    listed = aicmo_with_input(sqlite_settings, "user", "list", columns=80)

    assert all(email in listed.stdout for email in users), listed.stdout
    assert max(len(line) for line in listed.stdout.splitlines()) <= 80
