"""Reading a lead CSV: decoding, header mapping, per-row validation and deduplication.

Pure: it returns what to store and what to reject; the pipeline stores it in one go.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

from aicmo.cam.internal.lead_fields import FIELD_LIMITS, SYNONYMS, email_key, map_headers
from aicmo.kernel.errors import InvalidInput, Problem

MAX_CELL = 10_000
_PLAIN_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")
"""An ASCII dot-atom: valid for email-validator as it stands, so only other local parts are sent to it."""


@dataclass
class ParsedImport:
    accepted: list[dict[str, str | None]] = field(default_factory=list)
    duplicates: int = 0
    rejects: list[tuple[int, str, str]] = field(default_factory=list)
    """(row number in the file, reason, the raw line's cells joined)"""
    read: int = 0


def check_mapping(mapping: dict[str, str]) -> None:
    """Every mapped field must be a lead field; every problem is listed."""
    problems = [
        Problem(f"--map {header}={field}", f"{field!r} is not a lead field: use one of {', '.join(FIELD_LIMITS)}")
        for header, field in mapping.items()
        if field not in FIELD_LIMITS
    ]
    if problems:
        raise InvalidInput("the column mapping is not valid", problems)


def decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{source}: not UTF-8 (byte {error.start + 1} cannot be read) — export or save the CSV as UTF-8 and import again"
        ) from None


def parse(data: bytes, source: str, mapping: dict[str, str], known_emails: set[str]) -> ParsedImport:
    rows = _rows(decode(data, source), source)
    if not rows:
        raise InvalidInput(f"{source}: the file is empty — the first line must name the columns, e.g. email,first_name,company")
    headers, body = rows[0], rows[1:]
    columns = map_headers(headers, mapping)
    if "email" not in columns.values():
        names = ", ".join(repr(h) for h in headers[:8])
        raise InvalidInput(
            f"{source}: no email column among {names} — name one {SYNONYMS['email'][0]!r} or map it: --map \"YourHeader=email\""
        )
    result = ParsedImport(read=len(body))
    seen = set(known_emails)
    for number, cells in enumerate(body, start=2):
        reason = _problem(cells, headers)
        lead = None if reason else {name: _value(cells, index) for index, name in columns.items()}
        if lead is not None:
            reason = _invalid(lead)
        if reason:
            result.rejects.append((number, reason, ",".join(cells)))
            continue
        key = email_key(lead["email"])
        if key in seen:
            result.duplicates += 1
            continue
        seen.add(key)
        lead["email_key"] = key
        result.accepted.append(lead)
    return result


def _rows(text: str, source: str) -> list[list[str]]:
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return [r for r in rows if any(cell.strip() for cell in r)]
        except csv.Error as error:
            raise InvalidInput(f"{source}: line {reader.line_num} cannot be read ({error}) — fix that line and import again") from None
        if any(len(cell) > MAX_CELL for cell in row):
            raise InvalidInput(f"{source}: line {reader.line_num} has a cell over {MAX_CELL:,} characters — is it really a lead list?")
        rows.append(row)


def _value(cells: list[str], index: int) -> str | None:
    value = cells[index] if index < len(cells) else ""
    return value if value.strip() else None


def _problem(cells: list[str], headers: list[str]) -> str | None:
    if len(cells) != len(headers):
        return f"has {len(cells)} cells but the header has {len(headers)}"
    return None


def _invalid(lead: dict[str, str | None]) -> str | None:
    email = lead.get("email")
    if not email:
        return "no email address"
    for name, value in lead.items():
        if value is not None and len(value) > FIELD_LIMITS[name]:
            return f"{name} is longer than {FIELD_LIMITS[name]} characters"
    problem = email_problem(email.strip())
    return f"email {email!r} is not valid: {problem}" if problem else None


def email_problem(email: str) -> str | None:
    """email-validator's verdict. The domain part is checked once per domain (lead lists
    repeat domains), the rest against a short stand-in domain."""
    local, at, domain = email.rpartition("@")
    if not at or len(email) > 254:
        return "An email address must have one @-sign and at most 254 characters."
    if len(local) <= 64 and _PLAIN_LOCAL_PART.match(local):
        return _domain_problem(domain)
    return _domain_problem(domain) or _problem_of(f"{local}@a.co")


@lru_cache(maxsize=65_536)
def _domain_problem(domain: str) -> str | None:
    return _problem_of(f"a@{domain}")


def _problem_of(address: str) -> str | None:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        return str(error)
    return None
