"""The `aicmo user` and `aicmo token` command groups; each command imports its work when it runs."""

from __future__ import annotations

from typing import Annotated

import typer

user_app = typer.Typer(
    help="Users of the console and the API: admins, operators, reviewers.", no_args_is_help=True, rich_markup_mode=None
)
token_app = typer.Typer(
    help="API tokens: shown once, stored hashed, revocable.", no_args_is_help=True, rich_markup_mode=None
)

Email = Annotated[str, typer.Argument(help="The user's email address.", show_default=False)]


@user_app.command("create")
def user_create_command(
    email: Email,
    role: Annotated[str, typer.Option("--role", help="admin, operator or reviewer.", show_default=False)],
    client: Annotated[
        str | None, typer.Option("--client", help="A reviewer's one client (the brand name of its briefs).")
    ] = None,
) -> None:
    """Add a user; the password is asked twice, or read from the first line of standard input."""
    from aicmo.operator.cli.accounts import create_user

    raise typer.Exit(create_user(email, role, client))


@user_app.command("list")
def user_list_command() -> None:
    """Every user with its role and state."""
    from aicmo.operator.cli.accounts import list_users

    raise typer.Exit(list_users())


@user_app.command("disable")
def user_disable_command(email: Email) -> None:
    """Stop a user signing in; its sessions and tokens stop working."""
    from aicmo.operator.cli.accounts import switch_user

    raise typer.Exit(switch_user(email, disabled=True))


@user_app.command("enable")
def user_enable_command(email: Email) -> None:
    """Let a disabled user sign in again; its old sessions stay ended."""
    from aicmo.operator.cli.accounts import switch_user

    raise typer.Exit(switch_user(email, disabled=False))


@user_app.command("password")
def user_password_command(email: Email) -> None:
    """Set a user's password (asked twice, or read from standard input); its sessions end."""
    from aicmo.operator.cli.accounts import set_password

    raise typer.Exit(set_password(email))


@token_app.command("create")
def token_create_command(
    user: Annotated[str, typer.Option("--user", help="The email of the user the token acts as.", show_default=False)],
    name: Annotated[
        str, typer.Option("--name", help="What uses the token, e.g. 'reporting script'.", show_default=False)
    ],
) -> None:
    """Make an API token and print it once."""
    from aicmo.operator.cli.accounts import create_token

    raise typer.Exit(create_token(user, name))


@token_app.command("list")
def token_list_command() -> None:
    """Every token by its prefix, with its user, last use and state."""
    from aicmo.operator.cli.accounts import list_tokens

    raise typer.Exit(list_tokens())


@token_app.command("revoke")
def token_revoke_command(
    prefix: Annotated[
        str, typer.Argument(help="The token's prefix (aicmo_…) as `aicmo token list` shows it.", show_default=False)
    ],
) -> None:
    """Stop a token working."""
    from aicmo.operator.cli.accounts import revoke_token

    raise typer.Exit(revoke_token(prefix))
