"""Looks at a brief's raw text before a parser does: its encoding, and how deep JSON nests."""

from __future__ import annotations

import codecs
import re

_JSON_TOKEN = re.compile(r'\\.|["\[\]{}]', re.DOTALL)
_SAMPLE_BYTES = 1024


def wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes are text in one of them (a byte-order mark, or
    mostly-ASCII text with a zero byte beside every character), else None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    sample = data[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    if len(sample) < 4:
        return None
    for zeros, characters in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):
        if zeros.count(0) >= 0.9 * len(zeros) and 0 not in characters:
            return "UTF-16"
    return None


def json_nesting(text: str, give_up_above: int | None = None) -> int:
    """How many arrays and objects the deepest value of `text` sits in, counted without
    parsing it (the json module recurses once per level). Brackets inside strings do not
    count; the text need not be valid JSON. Stops counting once past `give_up_above`."""
    depth = deepest = 0
    in_string = False
    for found in _JSON_TOKEN.finditer(text):
        token = found.group()
        if token == '"':
            in_string = not in_string
        elif in_string or token[0] == "\\":
            continue
        elif token in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if give_up_above is not None and deepest > give_up_above:
                break
        else:
            depth -= 1
    return deepest
