"""CSV the product writes: UTF-8 with a header, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Prefix a quote to text that starts like a formula, so spreadsheets show it as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class CsvBuilder:
    """A CSV built a row at a time and kept encoded, so a long one costs its size in bytes."""

    def __init__(self, header: Sequence[str]) -> None:
        self._buffer = io.BytesIO()
        self._writer = csv.writer(
            io.TextIOWrapper(self._buffer, encoding="utf-8", newline="", write_through=True), lineterminator="\r\n"
        )
        self.add(header)

    def add(self, row: Sequence[object]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in row])

    def content(self) -> bytes:
        return self._buffer.getvalue()


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    builder = CsvBuilder(header)
    for row in rows:
        builder.add(row)
    return builder.content()
