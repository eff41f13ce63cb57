"""`aicmo user create|list|disable|enable|password` and `aicmo token create|list|revoke`.

Every change is kept in the audit log under the system account that ran the command."""

from __future__ import annotations

import getpass
import socket
import sys

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.operator.cli.console import EXIT_OK, out, say, table, user_errors
from aicmo.orchestration.composition import bootstrap

ROLES = ", ".join(role.value for role in Role)


def command_line_actor() -> Actor:
    return Actor(who=f"{getpass.getuser()}@{socket.gethostname()}", channel=Channel.CLI)


def _role(typed: str) -> Role:
    try:
        return Role(typed.strip().lower())
    except ValueError:
        raise InvalidInput(f"{typed!r} is not a role", [Problem("--role", f"use one of {ROLES}")]) from None


def read_password() -> str:
    """Asked twice at a terminal; otherwise the first line of standard input."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("password: ")
    if getpass.getpass("again: ") != password:
        raise InvalidInput("the two passwords differ", [Problem("password", "type the same password twice")])
    return password


@user_errors
def create_user(email: str, role: str, client: str | None) -> int:
    chosen = _role(role)
    password = read_password()
    with bootstrap(launch_durable=False) as app:
        user = app.accounts.create_user(email, chosen, password, command_line_actor(), client=client)
        unknown_client = user.client is not None and not any(app.workflows.count_runs(user.client).values())
    say("created {} ({}{})", user.email, user.role.value, f", client {user.client}" if user.client else "")
    if unknown_client:
        say(
            "note: no run of a client named {} yet — the reviewer will see the runs whose brief's brand.name is"
            " exactly that",
            repr(user.client),
        )
    return EXIT_OK


@user_errors
def list_users() -> int:
    with bootstrap(launch_durable=False) as app:
        users = app.accounts.users()
    if not users:
        out.print("no users yet: create the first with `aicmo user create EMAIL --role admin`", markup=False)
        return EXIT_OK
    rows = [
        (
            u.email,
            u.role.value,
            u.client or "—",
            "disabled" if u.disabled else "active",
            f"{u.created_at:%Y-%m-%d %H:%M}",
        )
        for u in users
    ]
    listing = table("email", "role", "client", "state", "created", rows=rows)
    listing.columns[0].no_wrap = True
    out.print(listing)
    return EXIT_OK


SWITCHED = {
    True: ("{} was already disabled: nothing changed", "disabled {}: its sessions and tokens no longer work"),
    False: (
        "{} is active already: nothing changed",
        "enabled {}: it may sign in again, and its tokens that were not revoked work again",
    ),
}
"""What `user disable` (True) and `user enable` (False) say: when nothing changed, and when it did."""


@user_errors
def switch_user(email: str, *, disabled: bool) -> int:
    """`aicmo user disable` or `aicmo user enable`."""
    with bootstrap(launch_durable=False) as app:
        already = {u.email for u in app.accounts.users() if u.disabled == disabled}
        switch = app.accounts.disable_user if disabled else app.accounts.enable_user
        user = switch(email, command_line_actor())
    unchanged, changed = SWITCHED[disabled]
    say(unchanged if user.email in already else changed, user.email)
    return EXIT_OK


@user_errors
def set_password(email: str) -> int:
    password = read_password()
    with bootstrap(launch_durable=False) as app:
        user = app.accounts.change_password(email, password, command_line_actor())
    say("new password for {}: its sessions have ended", user.email)
    if user.disabled:
        say("{} is still disabled: `aicmo user enable {}` lets it sign in", user.email, user.email)
    return EXIT_OK


@user_errors
def create_token(email: str, name: str) -> int:
    with bootstrap(launch_durable=False) as app:
        issued = app.accounts.create_token(email, name, command_line_actor())
    say(
        "token {} for {} — copy it now, it is not shown again:", issued.token.name, issued.token.user_email, console=out
    )
    print(issued.secret)
    return EXIT_OK


@user_errors
def list_tokens() -> int:
    with bootstrap(launch_durable=False) as app:
        tokens = app.accounts.tokens()
    rows = [
        (
            t.prefix,
            t.user_email,
            t.name,
            f"{t.created_at:%Y-%m-%d %H:%M}",
            f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never",
            t.state(),
        )
        for t in tokens
    ]
    listing = table("prefix", "user", "name", "created", "last used", "state", rows=rows)
    listing.columns[0].no_wrap = listing.columns[1].no_wrap = True
    out.print(listing)
    return EXIT_OK


@user_errors
def revoke_token(prefix: str) -> int:
    with bootstrap(launch_durable=False) as app:
        token = app.accounts.revoke_token(prefix, command_line_actor())
    say("revoked {} ({} of {})", token.prefix, token.name, token.user_email)
    return EXIT_OK
