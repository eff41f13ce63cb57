"""A field of copy as the blocks a reader sees: paragraphs, bullet lists and subheadings.

The writers mark structure the way Markdown does ("- " points, "## " headings, a blank line
between paragraphs); the PDF and Word documents lay it out instead of printing the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_BULLET = re.compile(r"^\s*[-*•]\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s+")


@dataclass(frozen=True)
class Block:
    kind: Literal["paragraph", "bullets", "heading"]
    lines: list[str]
    """A paragraph's lines (kept apart: "Q: …" then "A: …"), a list's points, or a heading's one line."""


def _kind(line: str) -> Literal["paragraph", "bullets", "heading"]:
    if _BULLET.match(line):
        return "bullets"
    return "heading" if _HEADING.match(line) else "paragraph"


def blocks_of(text: str) -> list[Block]:
    """The blocks of `text`, in order; a blank line ends a paragraph or a list."""
    found: list[Block] = []
    open_block: Block | None = None
    for line in text.splitlines():
        if not line.strip():
            open_block = None
            continue
        kind = _kind(line)
        content = _HEADING.sub("", _BULLET.sub("", line)).strip()
        if kind == "heading":
            found.append(Block("heading", [content]))
            open_block = None
        elif open_block is not None and open_block.kind == kind:
            open_block.lines.append(content)
        else:
            open_block = Block(kind, [content])
            found.append(open_block)
    return found


def is_inline(blocks: list[Block]) -> bool:
    """One paragraph of one line: it reads after its label on the same line."""
    return len(blocks) == 1 and blocks[0].kind == "paragraph" and len(blocks[0].lines) == 1
