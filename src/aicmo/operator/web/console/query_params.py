"""A filtered page's query string: what the page says of a parameter it does not read, instead
of ignoring it, and links to the page that keep its filters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlencode


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


def page_link(path: str, values: Mapping[str, str], **changes: str | None) -> str:
    """`path` with the filters `values` (and `changes`), leaving out the empty ones."""
    wanted = {name: value for name, value in {**values, **changes}.items() if value}
    return path + ("?" + urlencode(wanted) if wanted else "")
