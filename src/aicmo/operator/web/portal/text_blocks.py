"""Copy written in Markdown as the blocks a reader sees: headings, paragraphs and bulleted lists.
Each block holds plain text for the template to escape, so nothing in the copy becomes markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING = re.compile(r"#{1,6}\s+(.+?)(?:\s+#+)?\s*")
BULLET = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+(.+)")


@dataclass(frozen=True)
class Block:
    kind: str
    """heading, paragraph or list"""
    lines: tuple[str, ...]


def text_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    kind = "paragraph"
    lines: list[str] = []

    def close() -> None:
        if lines:
            blocks.append(Block(kind, tuple(lines)))
        lines.clear()

    for line in text.splitlines():
        if heading := HEADING.fullmatch(line):
            close()
            blocks.append(Block("heading", (heading[1],)))
        elif bullet := BULLET.fullmatch(line):
            if kind != "list":
                close()
            kind = "list"
            lines.append(bullet[1])
        elif line.strip():
            if kind != "paragraph":
                close()
            kind = "paragraph"
            lines.append(line.strip())
        else:
            close()
    close()
    return blocks
