"""What an email and a password must be."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from aicmo.kernel.errors import InvalidInput, Problem, with_advice

MIN_PASSWORD = 12


def normalized_email(email: str, field: str = "email") -> str:
    """The address as it is stored (its domain lower-cased); InvalidInput naming `field` otherwise."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise InvalidInput(
            f"{email!r} is not an email address",
            [Problem(field, with_advice(error, "give the user's address, e.g. ana@agency.example"))],
        ) from None


def checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            "the password is too short",
            [Problem("password", f"use at least {MIN_PASSWORD} characters (a few words make a good one)")],
        )
    return password
