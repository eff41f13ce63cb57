"""What a page says of a query parameter it does not read, instead of ignoring it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def unknown_parameters(params: Mapping[str, str], known: Iterable[str]) -> str | None:
    """One line naming the parameters this page does not read and the ones it does, or None."""
    read = list(known)
    unknown = [name for name in params if name not in read]
    if not unknown:
        return None
    names = ", ".join(unknown)
    return (
        f"{names} {'is not a filter' if len(unknown) == 1 else 'are not filters'} of this page: use {', '.join(read)}"
    )
