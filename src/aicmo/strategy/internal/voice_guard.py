"""Keeps the brief's banned words out of every sentence the strategy writes.

A brief fact that contains a banned word is not built on; where the plan must still
name it (a competitor, a rule), it is shown as a quoted name."""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTED = re.compile(r"“[^”]*”")


def _pattern(phrase: str) -> re.Pattern[str]:
    left = r"\b" if phrase[:1].isalnum() else ""
    right = r"\b" if phrase[-1:].isalnum() else ""
    return re.compile(rf"{left}{re.escape(phrase)}{right}", re.IGNORECASE)


@dataclass(frozen=True)
class VoiceGuard:
    banned: tuple[str, ...]

    def says_banned(self, text: str) -> bool:
        """True when a banned word stands in `text` outside a quoted name."""
        bare = _QUOTED.sub(" ", text)
        return any(_pattern(word).search(bare) for word in self.banned)

    def usable(self, fact: str | None) -> str | None:
        """The fact, or None when it carries a banned word and so must not be built on."""
        return None if fact is None or self.says_banned(fact) else fact

    def name(self, fact: str) -> str:
        """The fact as written, quoted when it carries a banned word."""
        return f"“{fact}”" if self.says_banned(fact) else fact

    def clean(self, text: str) -> str:
        """Last resort for the plan's own glue: quote each banned word left standing."""
        for word in self.banned:
            parts = _QUOTED.split(text)
            quoted = _QUOTED.findall(text)
            parts = [_pattern(word).sub(lambda m: f"“{m.group(0)}”", part) for part in parts]
            text = "".join(p + (quoted[i] if i < len(quoted) else "") for i, p in enumerate(parts))
        return text
