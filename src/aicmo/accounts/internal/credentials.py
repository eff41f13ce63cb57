"""What an email and a password must be, and how a password is kept (argon2, via pwdlib)."""

from __future__ import annotations

from functools import cache

from email_validator import EmailNotValidError, validate_email
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from aicmo.kernel.errors import InvalidInput, Problem

MIN_PASSWORD = 12
_HASHER = PasswordHash((Argon2Hasher(),))


def normalized_email(email: str, field: str = "email") -> str:
    """The address as it is stored (its domain lower-cased); InvalidInput naming `field` otherwise."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise InvalidInput(
            f"{email!r} is not an email address",
            [Problem(field, f"{error}; give the user's address, e.g. ana@agency.example")],
        ) from None


def checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            "the password is too short",
            [Problem("password", f"use at least {MIN_PASSWORD} characters (a few words make a good one)")],
        )
    return password


def hash_password(password: str) -> str:
    return _HASHER.hash(checked_password(password))


def password_matches(password: str, stored_hash: str) -> bool:
    return _HASHER.verify(password, stored_hash)


@cache
def dummy_hash() -> str:
    """Checked against when the account does not exist, so a wrong email takes as long as a wrong
    password. Made on first use: a command that signs nobody in does not pay for a hash."""
    return _HASHER.hash("a password no account has")
