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


def email_key(address: str) -> str:
    """How addresses (and domains) compare: leads dedupe on it, replies thread on it, suppressions match on it."""
    return address.strip().casefold()


def header_key(header: str) -> str:
    """Headers compare without case, spaces or punctuation: 'E-mail Address' → 'emailaddress'."""
    return re.sub(r"[^a-z0-9]", "", header.casefold())


_BY_KEY = {header_key(name): field for field, names in SYNONYMS.items() for name in names}


def map_headers(headers: list[str], explicit: dict[str, str]) -> dict[int, str]:
    """Column index → lead field, from the explicit mapping first, then by known names."""
    explicit_keys = {header_key(header): field for header, field in explicit.items()}
    mapped: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = explicit_keys.get(header_key(header)) or _BY_KEY.get(header_key(header))
        if field and field not in mapped.values():
            mapped[index] = field
    return mapped
