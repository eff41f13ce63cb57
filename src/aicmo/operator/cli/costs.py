"""`aicmo costs`: what model calls cost, per client and model."""

from __future__ import annotations

import datetime as dt
import json

from rich.table import Table

from aicmo.creatives.api import CostLine
from aicmo.operator.cli.console import EXIT_OK, out, user_errors
from aicmo.orchestration.composition import bootstrap


@user_errors
def show_costs(*, since: dt.date | None, client: str | None, as_json: bool) -> int:
    with bootstrap(launch_durable=False) as app:
        lines = app.model_usage.costs(since=since, client=client)
    if as_json:
        print(json.dumps([line.model_dump(mode="json") for line in lines], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not lines:
        out.print(
            "no model calls recorded"
            + (f" since {since:%Y-%m-%d}" if since else "")
            + (" for that client" if client else ""),
            markup=False,
        )
        return EXIT_OK
    table = Table("client", "model", "calls", "input", "output", "cache read", "cache write", "cost (USD)")
    for line in lines:
        table.add_row(line.client, f"{line.provider}:{line.model}", *_counts(line), f"{line.cost_usd:.4f}")
    out.print(table)
    out.print(
        f"total: {sum(line.cost_usd for line in lines):.4f} USD in {sum(line.calls for line in lines)} calls",
        markup=False,
    )
    return EXIT_OK


def _counts(line: CostLine) -> list[str]:
    return [
        f"{n:,}"
        for n in (line.calls, line.input_tokens, line.output_tokens, line.cache_read_tokens, line.cache_write_tokens)
    ]


def since_date(text: str | None) -> dt.date | None:
    """The --since day, or a clear line naming the option and the form."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        from aicmo.operator.cli.console import EXIT_BAD_INPUT, fail

        fail(f"--since: {text!r} is not a day; write it as YYYY-MM-DD")
        raise SystemExit(EXIT_BAD_INPUT) from None
