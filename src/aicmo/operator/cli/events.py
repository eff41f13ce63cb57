"""`aicmo events`: what happened to every subscribed event; dispatch and resubmit."""

from __future__ import annotations

import uuid

from rich.table import Table

from aicmo.kernel.errors import InvalidInput
from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, out, print_json, table, user_errors
from aicmo.orchestration.api import EventRecord
from aicmo.orchestration.composition import bootstrap


def _table(records: list[EventRecord]) -> Table:
    rows = [
        (
            r.event_id,
            r.event_type,
            r.source,
            r.subscriber,
            r.state,
            r.attempts,
            f"{r.occurred_at:%Y-%m-%d %H:%M:%S}",
            r.last_error or "",
        )
        for r in records
    ]
    return table("event", "type", "from", "subscriber", "state", "attempts", "occurred", "error", rows=rows)


@user_errors
def list_events(*, failed_only: bool, as_json: bool) -> int:
    with bootstrap(launch_durable=False) as app:
        records = app.events.events(failed_only=failed_only)
    if as_json:
        print_json([r.model_dump(mode="json") for r in records])
    elif not records:
        out.print("no failed events" if failed_only else "no subscribed events yet", markup=False)
    else:
        out.print(_table(records))
    return EXIT_OK


@user_errors
def dispatch_events() -> int:
    with bootstrap(launch_durable=False) as app:
        report = app.events.dispatch()
    out.print(f"delivered {report.completed}, failed {report.failed}", markup=False)
    return EXIT_FAILED if report.failed else EXIT_OK


@user_errors
def resubmit_event(event_text: str) -> int:
    try:
        event_id = uuid.UUID(event_text)
    except ValueError:
        raise InvalidInput(f"{event_text!r} is not an event id — copy one from `aicmo events --failed`") from None
    with bootstrap(launch_durable=False) as app:
        records = app.events.resubmit(event_id)
    out.print(_table(records))
    out.print("it will be delivered at the next dispatch (`aicmo events dispatch` or a running worker)", markup=False)
    return EXIT_OK
