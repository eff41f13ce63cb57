"""{{token}} and {{token|fallback}} in outreach copy, filled from the lead; never left raw."""

from __future__ import annotations

import re

TOKEN = re.compile(r"\{\{\s*(\w+)\s*(?:\|([^}]*))?\}\}")
FALLBACKS = {
    "first_name": "there",
    "last_name": "",
    "company": "your team",
    "title": "",
    "location": "",
    "industry": "",
    "website": "",
}


def unknown_tokens(text: str) -> list[str]:
    return sorted({m.group(1) for m in TOKEN.finditer(text) if m.group(1) not in FALLBACKS})


def personalise(text: str, lead: dict[str, str | None]) -> str:
    def fill(match: re.Match[str]) -> str:
        value = (lead.get(match.group(1)) or "").strip()
        return value or (match.group(2) if match.group(2) is not None else FALLBACKS[match.group(1)])

    return re.sub(r"[ \t]+([,.!?])", r"\1", TOKEN.sub(fill, text))
