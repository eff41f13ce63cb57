"""Output helpers shared by the commands, and the mapping of errors to exit codes."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from rich.console import Console
from rich.markup import escape

from pydantic import ValidationError

from aicmo.kernel.errors import Conflict, InvalidInput, NotFound, Problem
from aicmo.kernel.ids import TypedId

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
P = ParamSpec("P")
T = TypeVar("T", bound=TypedId)


def fail(message: str) -> None:
    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)


def user_errors(command: Callable[P, int]) -> Callable[P, int]:
    """A user's mistake prints a clear message and exits 2, never a traceback."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return command(*args, **kwargs)
        except InvalidInput as error:
            fail(error.summary)
            for problem in error.problems:
                err.print(f"  - {problem.field}: {problem.message}", markup=False, soft_wrap=True)
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


def parse_id(kind: type[T], text: str, where: str) -> T:
    """An id the user typed, or InvalidInput saying where to copy a real one from."""
    try:
        return kind.parse(text)
    except ValueError as error:
        raise InvalidInput(f"{error} — copy the id from {where}") from None


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
