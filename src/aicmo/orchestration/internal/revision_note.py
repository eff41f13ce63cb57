"""What a rejection changed, as the operator reads it after `aicmo reject` and on the run page."""

from __future__ import annotations

from collections import Counter

from aicmo.production.api import ContentItem


def revision_note(comment: str, items: list[ContentItem], applied: bool) -> str:
    """What a rejection changed, said plainly: the template writer cannot read a comment."""
    if applied:
        return f'{len(items)} item{"s" if len(items) != 1 else ""} rewritten with the comment "{comment}"'
    kinds = Counter(item.kind.value.replace("_", " ") for item in items)
    changed = ", ".join(f"{count} {_plural(kind) if count != 1 else kind}" for kind, count in kinds.items())
    return (
        f'The template writer cannot follow a free-text comment ("{comment}"), so it reworded {changed}'
        " instead. For the change asked for, edit those items, or edit the brief and start a new run, or set"
        " AICMO_WRITER to a model."
    )


def _plural(noun: str) -> str:
    """Of the content kinds' names: calendar entry → calendar entries, social post → social posts."""
    return f"{noun[:-1]}ies" if noun.endswith("y") else f"{noun}s"
