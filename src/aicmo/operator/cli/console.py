"""Output helpers shared by the commands, and the mapping of errors to exit codes.

Text that comes from users — briefs, CSV rows, replies, comments, paths — reaches the
terminal only through `say`, `text`, `table` or `print_json`: it is never read as rich
markup, and its control characters (ANSI and OSC escapes, BEL, line breaks…) are shown as
visible escapes instead of being sent to the terminal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, ParamSpec

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pydantic import ValidationError

from aicmo.kernel.errors import Conflict, InvalidInput, NotFound, Problem

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
P = ParamSpec("P")

_FORMAT_CONTROLS = r"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_UNPRINTABLE = re.compile(rf"[\x00-\x1f{_FORMAT_CONTROLS}]")
_UNPRINTABLE_IN_JSON = re.compile(rf"[{_FORMAT_CONTROLS}]")
"""What json.dumps leaves raw: it escapes C0 itself; DEL, C1 (\x9b is a CSI), bidi overrides and separators."""


def clean(value: object) -> str:
    """`value` as one printable line: every control character (C0, DEL, C1, bidi overrides,
    line separators) becomes its visible escape, e.g. ESC → `\\x1b`, a line break → `\\n`."""
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), str(value))


def text(value: object, style: str = "") -> Text:
    """User data as a rich Text: shown as it is, never parsed as markup."""
    return Text(clean(value), style=style)


def say(template: str, *values: object, console: Console = out) -> None:
    """Print one line: `template` is the command's own markup with `{}` fields; each value is
    user data, cleaned and escaped, so it prints literally."""
    console.print(template.format(*(escape(clean(value)) for value in values)))


def table(*columns: str, rows: Iterable[Iterable[object]], **options: Any) -> Table:
    """A table whose every cell is user data printed literally (a Text cell is taken as it is)."""
    grid = Table(*columns, **options)
    for row in rows:
        grid.add_row(*(cell if isinstance(cell, Text) else text(cell) for cell in row))
    return grid


def print_json(document: object) -> None:
    """JSON for scripts: non-ASCII text stays readable, control characters are escaped."""
    print(
        _UNPRINTABLE_IN_JSON.sub(
            lambda match: f"\\u{ord(match.group()):04x}", json.dumps(document, indent=2, ensure_ascii=False)
        )
    )


def fail(message: str) -> None:
    say("[red]error:[/red] {}", message, console=err)


def user_errors(command: Callable[P, int]) -> Callable[P, int]:
    """A user's mistake prints a clear message and exits 2, never a traceback."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return command(*args, **kwargs)
        except InvalidInput as error:
            fail(error.summary)
            for problem in error.problems:
                say("  - {}: {}", problem.field, problem.message, console=err)
            return EXIT_BAD_INPUT
        except (NotFound, Conflict) as error:
            fail(str(error))
            return EXIT_BAD_INPUT
        except ValidationError as error:
            if error.title != "Settings":
                raise
            fail("a setting is wrong; nothing was done")
            for problem in setting_problems(error):
                err.print(f"  - {problem.field}: {problem.message}", markup=False, soft_wrap=True)
            return EXIT_BAD_INPUT

    return wrapper


def setting_problems(error: ValidationError) -> list[Problem]:
    """Each wrong AICMO_ variable, named as the user set it, with pydantic's reason (and the
    value given, unless it may be a secret)."""
    problems = []
    for e in error.errors():
        name = f"AICMO_{'_'.join(map(str, e['loc'])).upper()}"
        secret = any(word in name for word in ("KEY", "SECRET", "URL", "PASSWORD"))
        problems.append(Problem(name, e["msg"] if secret else f"{e['msg']} (got {e.get('input')!r})"))
    return problems


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
