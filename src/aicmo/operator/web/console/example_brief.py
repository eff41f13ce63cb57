"""The example brief in the console: the parser's advice names it by its place in the repository,
which a browser user cannot open, so the new-run page hands out the package's copy and each
message that names it links there instead."""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath

from markupsafe import Markup, escape

from aicmo.onboarding.api import ExampleBrief
from aicmo.orchestration.composition import brief_parser

EXAMPLE_URL = "/runs/new/example-brief"


@cache
def example_brief() -> ExampleBrief:
    return brief_parser().example_brief()


def example_name() -> str:
    """The name the example is saved under, as in the repository."""
    return PurePosixPath(example_brief().path).name


def example_link() -> Markup:
    return Markup('<a href="{}" download="{}">the example brief</a>').format(EXAMPLE_URL, example_name())


def example_linked(message: object) -> Markup:
    """The message as text, with each mention of the example brief a link that downloads it."""
    return example_link().join(escape(part) for part in str(message).split(example_brief().path))
