"""Lead fields, their limits, and the header names that map to them."""

from __future__ import annotations

import re

FIELD_LIMITS = {
    "email": 320,
    "first_name": 200,
    "last_name": 200,
    "company": 200,
    "title": 200,
    "website": 2000,
    "industry": 200,
    "location": 200,
    "company_size": 50,
}
SYNONYMS = {
    "email": ["email", "e-mail", "email address", "e-mail address", "mail", "work email"],
    "first_name": ["first name", "firstname", "first", "given name", "forename", "vorname"],
    "last_name": ["last name", "lastname", "surname", "family name", "nachname"],
    "company": ["company", "company name", "organization", "organisation", "account", "firma"],
    "title": ["title", "job title", "position", "role"],
    "website": ["website", "url", "domain", "company website", "web"],
    "industry": ["industry", "sector", "vertical"],
    "location": ["location", "city", "country", "region"],
    "company_size": ["company size", "employees", "size", "headcount", "number of employees"],
}

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters and Unicode line separators: no lead field holds them (a line break would
reach a mail header through personalisation)."""


def visible(text: str) -> str:
    """Control characters written as escapes (`\\n`, `\\x00`), so what was refused can be read."""
    return CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def email_key(address: str) -> str:
    """How addresses (and domains) compare: leads dedupe on it, replies thread on it, suppressions match on it."""
    return address.strip().casefold()


def header_key(header: str) -> str:
    """Headers compare without case, spaces or punctuation: 'E-mail Address' → 'emailaddress'."""
    return re.sub(r"[^a-z0-9]", "", header.casefold())


_BY_KEY = {header_key(name): field for field, names in SYNONYMS.items() for name in names}


def _candidates(headers: list[str], explicit: dict[str, str]) -> list[str | None]:
    """The lead field each column would fill: by the explicit mapping first, then by known names."""
    explicit_keys = {header_key(header): field for header, field in explicit.items()}
    return [explicit_keys.get(header_key(header)) or _BY_KEY.get(header_key(header)) for header in headers]


def map_headers(headers: list[str], explicit: dict[str, str]) -> dict[int, str]:
    """Column index → lead field; when two columns would fill one field, the first does."""
    mapped: dict[int, str] = {}
    for index, field in enumerate(_candidates(headers, explicit)):
        if field and field not in mapped.values():
            mapped[index] = field
    return mapped


def duplicate_headers(headers: list[str], explicit: dict[str, str]) -> list[str]:
    """One warning per field that several columns would fill, and per header name used twice."""
    columns: dict[str, list[int]] = {}
    for index, (header, field) in enumerate(zip(headers, _candidates(headers, explicit), strict=True)):
        if field or header_key(header):
            columns.setdefault(field or f"?{header_key(header)}", []).append(index)
    warnings = []
    for field, indexes in columns.items():
        if len(indexes) < 2:
            continue
        named = ", ".join(f"{index + 1} {headers[index]!r}" for index in indexes)
        if field.startswith("?"):
            warnings.append(f"columns {named} have the same header; none of them is imported")
        else:
            warnings.append(
                f"columns {named} all map to {field}: column {indexes[0] + 1} is imported, the others are ignored"
            )
    return warnings


def unmapped_headers(headers: list[str], explicit: dict[str, str]) -> list[str]:
    """Headers that fill no lead field, so their cells are not stored (a header used twice is
    named by `duplicate_headers` instead)."""
    keys = [header_key(header) for header in headers]
    return [
        header
        for header, key, field in zip(headers, keys, _candidates(headers, explicit), strict=True)
        if not field and key and keys.count(key) == 1
    ]


def unmapped_warning(headers: list[str]) -> str:
    """One line naming the ignored columns and the `--map` that would import them."""
    named = ", ".join(repr(header) for header in headers)
    pairs = ",".join(f"{header}=FIELD" for header in headers)
    return (
        f"not imported, no lead field by that name: {named} —"
        f' to keep them, map them: --map "{pairs}", FIELD one of {", ".join(FIELD_LIMITS)}'
    )
