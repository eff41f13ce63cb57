"""Reading a lead CSV as a stream: decoding, header mapping and per-row validation, a
batch of leads at a time.

Pure: it yields what to store and keeps count of what it rejected; the pipeline stores
the batches (the database finds the duplicates). Memory stays flat whatever the file's
size: one batch of rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import gt, itemgetter
from typing import IO

from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from aicmo.cam.internal.lead_fields import (
    CONTROL,
    FIELD_LIMITS,
    SYNONYMS,
    duplicate_headers,
    email_key,
    map_headers,
    unmapped_headers,
    unmapped_warning,
    visible,
)
from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.platform.csv_files import CsvBuilder

MAX_CELL = 10_000
MAX_LINE = 1 << 20
"""A physical line longer than this (1,048,576 characters) is not a lead list."""
_UNDECODABLE = re.compile("[\udc80-\udcff]")
"""What the `surrogateescape` decoder makes of bytes that are not UTF-8."""
_PLAIN_DOMAIN = re.compile(r"(?:[a-z0-9]{1,63}(?:-[a-z0-9]+)*\.)+[a-z]{2,63}\Z", re.IGNORECASE)
"""An ASCII host name email-validator accepts as it stands: letters, digits and single inner hyphens,
a letter-only top-level label. Anything else (IDN, punycode, odd hyphens) goes to email-validator."""
_PLAIN_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")
"""An ASCII dot-atom: valid for email-validator as it stands, so only other local parts are sent to it."""
EXAMPLE_HEADER = "email,first_name,company"
_NAMES = {"\x00": "a NUL byte", "\n": "a line break", "\r": "a carriage return", "\t": "a tab"}


@dataclass
class ImportTally:
    """What became of every row read: read = accepted + duplicates + rejected."""

    read: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejects: CsvBuilder = field(default_factory=lambda: CsvBuilder(("row", "reason", "line")))
    rejected: int = 0
    warnings: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def check_mapping(mapping: dict[str, str]) -> None:
    """Every mapped field must be a lead field; every problem is listed."""
    problems = [
        Problem(f"--map {header}={field}", f"{field!r} is not a lead field: use one of {', '.join(FIELD_LIMITS)}")
        for header, field in mapping.items()
        if field not in FIELD_LIMITS
    ]
    if problems:
        raise InvalidInput("the column mapping is not valid", problems)


def read_leads(
    stream: IO[bytes], source: str, mapping: dict[str, str], tally: ImportTally, batch: int = 5_000
) -> Iterator[list[dict[str, str | None]]]:
    """Batches of valid leads (with their `email_key`); `tally` counts rows read and rejected.

    Raises InvalidInput, naming the line, when the file cannot be read on: not UTF-8, a
    quote never closed, a cell or line too long, no email column.
    """
    rows = _rows(stream, source)
    first = next(rows, None)
    if first is None:
        raise InvalidInput(
            f"{source}: the file is empty", [Problem("line 1", f"name the columns, e.g. {EXAMPLE_HEADER}")]
        )
    headers = first[1]
    columns = map_headers(headers, mapping)
    if "email" not in columns.values():
        names = ", ".join(repr(h) for h in headers[:8])
        raise InvalidInput(
            f"{source}: no email column among {names}",
            [Problem("email", f'name a column {SYNONYMS["email"][0]!r} or map one to it: --map "YourHeader=email"')],
        )
    tally.warnings.extend(f"{source}: {warning}" for warning in duplicate_headers(headers, mapping))
    tally.ignored_columns = unmapped_headers(headers, mapping)
    if tally.ignored_columns:
        tally.warnings.append(f"{source}: {unmapped_warning(tally.ignored_columns)}")
    to_lead = _LeadCells(columns, len(headers))
    leads: list[dict[str, str | None]] = []
    for line, cells in rows:
        tally.read += 1
        lead, reason = to_lead(cells)
        if reason:
            tally.rejected += 1
            tally.rejects.add((line, reason, visible(",".join(cells))))
            continue
        lead["email_key"] = email_key(lead["email"])
        leads.append(lead)
        if len(leads) == batch:
            yield leads
            leads = []
    if leads:
        yield leads


def _lines(stream: IO[bytes], source: str) -> Iterator[str]:
    """Decoded lines (ending in LF, CRLF or a lone CR), each checked on its own so a fault names its line."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    number = 0
    while line := text.readline(MAX_LINE + 1):
        number += 1
        if len(line) > MAX_LINE:
            raise InvalidInput(f"{source}: line {number} is over {MAX_LINE:,} characters", [_not_a_lead_list(number)])
        if undecodable := _UNDECODABLE.search(line):
            raise InvalidInput(
                f"{source}: line {number} is not UTF-8"
                f" (character {undecodable.start() + 1} of that line cannot be read)",
                [Problem(f"line {number}", "export or save the CSV as UTF-8 and import again")],
            )
        yield line


def _rows(stream: IO[bytes], source: str) -> Iterator[tuple[int, list[str]]]:
    """(line the row starts on, its cells) for every row that is not blank."""
    reader = csv.reader(_lines(stream, source), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InvalidInput(
                f"{source}: line {start} cannot be read ({_explained(error)})",
                [Problem(f"line {start}", "fix that line and import again")],
            ) from None
        joined = "".join(row)
        if len(joined) > MAX_CELL and max(map(len, row)) > MAX_CELL:
            raise InvalidInput(
                f"{source}: line {start} has a cell over {MAX_CELL:,} characters", [_not_a_lead_list(start)]
            )
        if joined.strip():
            yield start, row


def _not_a_lead_list(line: int) -> Problem:
    return Problem(
        f"line {line}", f"is it really a lead list? One lead a line, under a header such as {EXAMPLE_HEADER}"
    )


def _explained(error: csv.Error) -> str:
    text = str(error)
    if text == "unexpected end of data" or text.startswith("field larger than field limit"):
        return "a quote opens a cell here and is never closed"
    if text.startswith("',' expected after '\"'"):
        return 'a quote closes a cell in the middle: write a quote inside a quoted cell as ""'
    return text


class _LeadCells:
    """A row's cells → the lead they make and, when it cannot be stored, why; the header's
    mapping and the fields' limits are looked up once, not per row."""

    def __init__(self, columns: dict[int, str], width: int) -> None:
        self._names = tuple(columns.values())
        self._limits = tuple(FIELD_LIMITS[name] for name in self._names)
        self._width = width
        picked = itemgetter(*columns)
        self._cells = picked if len(columns) > 1 else lambda cells: (picked(cells),)

    def __call__(self, cells: list[str]) -> tuple[dict[str, str | None], str | None]:
        if len(cells) != self._width:
            return {}, f"has {len(cells)} cells but the header has {self._width}"
        values = [cell.strip() for cell in self._cells(cells)]
        lead = dict(zip(self._names, [value or None for value in values], strict=True))
        email = lead["email"]
        if not email:
            return lead, "no email address"
        if any(map(gt, map(len, values), self._limits)) or CONTROL.search("".join(values)):
            return lead, _field_problem(lead)
        problem = email_problem(email)
        return lead, f"email {email!r} is not valid: {problem}" if problem else None


def _field_problem(lead: dict[str, str | None]) -> str | None:
    """The first field, in column order, that is too long or holds a control character."""
    for name, value in lead.items():
        if value is None:
            continue
        if len(value) > FIELD_LIMITS[name]:
            return f"{name} is longer than {FIELD_LIMITS[name]} characters"
        if control := CONTROL.search(value):
            character = control.group()
            named = _NAMES.get(character, f"the control character U+{ord(character):04X}")
            return f"{name} holds {named}: a field is one line of text — remove it and import the row again"
    return None


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
    if _plain_domain(domain):
        return None
    return _problem_of(f"a@{domain}")


def _plain_domain(domain: str) -> bool:
    """True for a domain email-validator would accept whose check is a pattern, not a parse (about 40x faster)."""
    if len(domain) > 253 or not _PLAIN_DOMAIN.match(domain):
        return False
    lowered = domain.lower()
    labels = lowered.split(".")
    return all(len(label) <= 63 for label in labels) and not any(
        lowered == special or lowered.endswith(f".{special}") for special in SPECIAL_USE_DOMAIN_NAMES
    )


def _problem_of(address: str) -> str | None:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        return str(error)
    return None
