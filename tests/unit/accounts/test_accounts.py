"""Accounts' rules booted on a fake unit of work: users, roles, sign-in and its limit, tokens."""

import datetime as dt

import pytest

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.kernel.errors import AccountDisabled, Conflict, InvalidInput, NotFound, TooManyAttempts
from tests.unit.app import bootstrap_test_app

CLI = Actor(who="ana@laptop", channel=Channel.CLI)
BROWSER = Actor(who=None, channel=Channel.CONSOLE, address="203.0.113.7")
PASSWORD = "correct horse battery"


def test_a_user_signs_in_with_its_password_and_the_password_is_not_kept():
    app = bootstrap_test_app()

    made = app.modules.accounts.create_user("Ana@Agency.Example", Role.ADMIN, PASSWORD, CLI)
    signed_in = app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER)

    assert signed_in.user_id == made.user_id and signed_in.email == "ana@agency.example"
    [row] = app.accounts.repository.users()
    assert PASSWORD not in row.password_hash
    assert app.accounts.published_types() == ["UserCreated"]


@pytest.mark.parametrize(
    ("email", "role", "password", "client", "field"),
    [
        ("not-an-email", Role.ADMIN, PASSWORD, None, "email"),
        ("ana@agency.example", Role.ADMIN, "short", None, "password"),
        ("ana@agency.example", Role.REVIEWER, PASSWORD, None, "--client"),
        ("ana@agency.example", Role.OPERATOR, PASSWORD, "Northwind", "--client"),
    ],
)
def test_a_wrong_user_is_refused_naming_the_field_and_nothing_is_stored(email, role, password, client, field):
    app = bootstrap_test_app()

    with pytest.raises(InvalidInput) as refused:
        app.modules.accounts.create_user(email, role, password, CLI, client=client)

    assert [problem.field for problem in refused.value.problems] == [field]
    assert app.modules.accounts.users() == [] and app.accounts.commits == 0


def test_a_wrong_address_reads_as_one_sentence_with_its_advice():
    app = bootstrap_test_app()

    with pytest.raises(InvalidInput) as refused:
        app.modules.accounts.create_user("ana.agency.example", Role.ADMIN, PASSWORD, CLI)

    assert refused.value.problems[0].message == (
        "An email address must have an @-sign — give the user's address, e.g. ana@agency.example"
    )


def test_an_email_is_taken_once():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.ADMIN, PASSWORD, CLI)

    with pytest.raises(Conflict, match="exists already"):
        app.modules.accounts.create_user("ANA@agency.example", Role.OPERATOR, PASSWORD, CLI)


def test_a_reviewer_sees_only_its_client():
    app = bootstrap_test_app()

    reviewer = app.modules.accounts.create_user(
        "bo@client.example", Role.REVIEWER, PASSWORD, CLI, client="Northwind Coffee"
    )
    operator = app.modules.accounts.create_user("cy@agency.example", Role.OPERATOR, PASSWORD, CLI)

    assert reviewer.may_see("Northwind Coffee") and not reviewer.may_see("Other Brand")
    assert operator.may_see("Other Brand")


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.ADMIN, PASSWORD, CLI)

    with pytest.raises(InvalidInput) as wrong_password:
        app.modules.accounts.sign_in("ana@agency.example", "wrong password!", BROWSER)
    with pytest.raises(InvalidInput) as unknown:
        app.modules.accounts.sign_in("nobody@agency.example", PASSWORD, BROWSER)

    assert (
        str(wrong_password.value)
        == str(unknown.value)
        == "wrong email or password\n  - password: check both and try again"
    )


def test_five_failures_lock_the_account_for_that_address_only_until_the_window_passes():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.ADMIN, PASSWORD, CLI)
    for _ in range(5):
        with pytest.raises(InvalidInput):
            app.modules.accounts.sign_in("ana@agency.example", "wrong password!", BROWSER)

    with pytest.raises(InvalidInput, match="too many failed sign-ins") as locked:
        app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER)
    assert "try again in 15 minutes" in str(locked.value)
    assert app.modules.accounts.sign_in(
        "ana@agency.example", PASSWORD, BROWSER.model_copy(update={"address": "198.51.100.1"})
    )

    app.clock.advance(dt.timedelta(minutes=15))
    assert app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER).email == "ana@agency.example"


def test_a_new_password_lifts_the_lockout_from_every_address():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.ADMIN, PASSWORD, CLI)
    elsewhere = BROWSER.model_copy(update={"address": "198.51.100.1"})
    for by in (BROWSER, elsewhere):
        for _ in range(5):
            with pytest.raises(InvalidInput):
                app.modules.accounts.sign_in("ana@agency.example", "wrong password!", by)

    app.modules.accounts.change_password("ana@agency.example", "another long password", CLI)

    for by in (BROWSER, elsewhere):
        assert app.modules.accounts.sign_in("ana@agency.example", "another long password", by)


def test_a_blocked_sign_in_is_audited_like_a_failed_one_without_the_password():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.ADMIN, PASSWORD, CLI)
    app.clock.advance(dt.timedelta(seconds=1))
    for _ in range(5):
        with pytest.raises(InvalidInput):
            app.modules.accounts.sign_in("ana@agency.example", "wrong password!", BROWSER)
    app.clock.advance(dt.timedelta(seconds=1))

    with pytest.raises(InvalidInput, match="too many failed sign-ins"):
        app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER)

    blocked, failed = app.modules.audit.entries(2)
    assert (blocked.action, blocked.actor, blocked.address, blocked.target, blocked.channel) == (
        "session.login-blocked",
        "ana@agency.example",
        "203.0.113.7",
        "ana@agency.example",
        Channel.CONSOLE,
    )
    assert failed.action == "session.login-failed"
    assert PASSWORD not in repr(app.modules.audit.entries())


def test_a_disabled_user_cannot_sign_in_and_its_sessions_end():
    app = bootstrap_test_app()
    made = app.modules.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, CLI)

    disabled = app.modules.accounts.disable_user("ana@agency.example", CLI)

    assert disabled.disabled and disabled.session_version > made.session_version
    with pytest.raises(NotFound, match="aicmo user list"):
        app.modules.accounts.disable_user("nobody@agency.example", CLI)


def test_a_disabled_user_is_told_so_with_its_right_password_only_and_such_tries_count_towards_the_limit():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, CLI)
    app.modules.accounts.disable_user("ana@agency.example", CLI)

    with pytest.raises(AccountDisabled, match="this account is disabled"):
        app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER)
    with pytest.raises(InvalidInput) as wrong_password:
        app.modules.accounts.sign_in("ana@agency.example", "wrong password!", BROWSER)
    with pytest.raises(InvalidInput) as unknown:
        app.modules.accounts.sign_in("nobody@agency.example", "wrong password!", BROWSER)
    for _ in range(3):
        with pytest.raises(AccountDisabled):
            app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER)

    assert not isinstance(wrong_password.value, AccountDisabled) and str(wrong_password.value) == str(unknown.value)
    with pytest.raises(TooManyAttempts):
        app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER)
    actions = [e.action for e in app.modules.audit.entries() if e.target == "ana@agency.example"]
    assert sorted(set(actions)) == [
        "session.login-blocked",
        "session.login-disabled",
        "session.login-failed",
        "user.create",
        "user.disable",
    ]
    assert actions.count("session.login-disabled") == 4 and actions.count("session.login-failed") == 1


def test_a_disabled_user_is_enabled_again_its_tokens_work_again_and_its_old_sessions_stay_ended():
    app = bootstrap_test_app()
    made = app.modules.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, CLI)
    issued = app.modules.accounts.create_token("ana@agency.example", "reporting script", CLI)
    app.modules.accounts.disable_user("ana@agency.example", CLI)
    [while_disabled] = app.modules.accounts.tokens()
    with pytest.raises(Conflict, match="aicmo user enable ana@agency.example"):
        app.modules.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, CLI)

    enabled = app.modules.accounts.enable_user("Ana@agency.example", BROWSER)
    again = app.modules.accounts.enable_user("ana@agency.example", BROWSER)

    assert not enabled.disabled and again == enabled
    assert enabled.session_version > made.session_version, "a session from before disabling does not come back"
    assert app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER).user_id == made.user_id
    assert app.modules.accounts.user_of_token(issued.secret) is not None
    [now] = app.modules.accounts.tokens()
    assert (while_disabled.state(), now.state()) == ("user disabled", "active")
    assert [(e.action, e.channel) for e in app.modules.audit.entries() if e.action == "user.enable"] == [
        ("user.enable", Channel.CONSOLE)
    ], "enabling an active user changes nothing and is not audited"
    with pytest.raises(NotFound, match="aicmo user list"):
        app.modules.accounts.enable_user("nobody@agency.example", CLI)


def test_signing_out_and_a_new_password_end_every_session():
    app = bootstrap_test_app()
    made = app.modules.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, CLI)

    app.modules.accounts.sign_out(made.user_id, BROWSER)
    changed = app.modules.accounts.change_password("ana@agency.example", "another long password", CLI)

    assert changed.session_version == made.session_version + 2
    assert app.modules.accounts.sign_in("ana@agency.example", "another long password", BROWSER)


def test_a_token_is_shown_once_kept_as_a_hash_noted_when_used_and_revocable():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, CLI)

    issued = app.modules.accounts.create_token("ana@agency.example", "reporting script", CLI)
    app.clock.advance(dt.timedelta(minutes=1))
    user = app.modules.accounts.user_of_token(issued.secret)

    assert user is not None and user.email == "ana@agency.example"
    assert issued.secret.startswith(issued.token.prefix + "_")
    [row] = app.accounts.repository.tokens()
    assert issued.secret not in row.secret_hash and row.last_used_at == app.clock.now()
    assert app.modules.accounts.user_of_token(issued.token.prefix + "_guessed") is None

    noted = row.last_used_at
    app.clock.advance(dt.timedelta(seconds=59))
    app.modules.accounts.user_of_token(issued.secret)
    assert app.accounts.repository.tokens()[0].last_used_at == noted
    app.clock.advance(dt.timedelta(seconds=1))
    app.modules.accounts.user_of_token(issued.secret)
    assert app.accounts.repository.tokens()[0].last_used_at == app.clock.now()

    revoked = app.modules.accounts.revoke_token(issued.token.prefix, CLI)

    assert revoked.revoked_at is not None and app.modules.accounts.user_of_token(issued.secret) is None
    assert app.accounts.published_types() == ["UserCreated", "ApiTokenRevoked"]


def test_a_token_needs_a_name_and_an_active_user():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, CLI)

    with pytest.raises(InvalidInput) as unnamed:
        app.modules.accounts.create_token("ana@agency.example", "  ", CLI)
    app.modules.accounts.disable_user("ana@agency.example", CLI)
    with pytest.raises(InvalidInput) as disabled:
        app.modules.accounts.create_token("ana@agency.example", "script", CLI)

    assert unnamed.value.problems[0].field == "--name" and disabled.value.problems[0].field == "--user"


def test_every_change_is_in_the_audit_log_with_who_and_where():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.ADMIN, PASSWORD, CLI)
    app.clock.advance(dt.timedelta(seconds=1))
    app.modules.accounts.sign_in("ana@agency.example", PASSWORD, BROWSER)
    app.clock.advance(dt.timedelta(seconds=1))
    app.modules.audit.record(
        BROWSER.model_copy(update={"who": "ana@agency.example"}), "run.approve", "run 1234", "looks good"
    )

    newest, login, created = app.modules.audit.entries()

    assert (newest.action, newest.actor, newest.address, newest.detail) == (
        "run.approve",
        "ana@agency.example",
        "203.0.113.7",
        "looks good",
    )
    assert (login.action, login.channel, created.action, created.channel) == (
        "session.login",
        Channel.CONSOLE,
        "user.create",
        Channel.CLI,
    )


def test_a_token_reads_as_its_prefix_then_one_secret_word_a_double_click_selects_whole():
    app = bootstrap_test_app()
    app.modules.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, CLI)

    issued_tokens = [app.modules.accounts.create_token("ana@agency.example", f"script {n}", CLI) for n in range(40)]

    assert all(issued.secret.rsplit("_", 1)[0] == issued.token.prefix for issued in issued_tokens)
    assert all(issued.secret.replace("_", "").isalnum() for issued in issued_tokens)
