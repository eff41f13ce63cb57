"""Keeps the brief's banned words out of every sentence the strategy writes.

A brief fact that contains a banned word is not built on; where the plan must still
name it (a competitor, a rule), it is shown as a quoted name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_QUOTED = re.compile(r"(“[^”]*”)")


@cache
def _banned_pattern(banned: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any banned word or phrase: whole words, any case; one starting or ending with a symbol matches as written."""
    if not banned:
        return None
    alternatives = [
        (r"\b" if word[:1].isalnum() else "") + re.escape(word) + (r"\b" if word[-1:].isalnum() else "")
        for word in sorted(banned, key=len, reverse=True)
    ]
    return re.compile("|".join(alternatives), re.IGNORECASE)


@dataclass(frozen=True)
class VoiceGuard:
    banned: tuple[str, ...]

    def says_banned(self, text: str) -> bool:
        """True when a banned word stands in `text` outside a quoted name."""
        pattern = _banned_pattern(self.banned)
        return pattern is not None and pattern.search(_QUOTED.sub(" ", text)) is not None

    def usable(self, fact: str | None) -> str | None:
        """The fact, or None when it carries a banned word and so must not be built on."""
        return None if fact is None or self.says_banned(fact) else fact

    def name(self, fact: str) -> str:
        """The fact as written, quoted when it carries a banned word."""
        return f"“{fact}”" if self.says_banned(fact) else fact

    def clean(self, text: str) -> str:
        """Last resort for the plan's own glue: quote each banned word left standing."""
        if not self.says_banned(text):
            return text
        pattern = _banned_pattern(self.banned)
        parts = _QUOTED.split(text)
        return "".join(
            part if part.startswith("“") else pattern.sub(lambda m: f"“{m.group(0)}”", part) for part in parts
        )
