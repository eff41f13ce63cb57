"""Event history in bulk, for tests and benchmarks that need many events already delivered."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import insert

from aicmo.cam.api import ClientSigned
from aicmo.cam.internal.models import CamOutbox
from aicmo.kernel.clock import utc_now
from aicmo.orchestration.api import DeliveryState
from aicmo.orchestration.internal.events.models import EventDeliveryRow
from aicmo.platform.db import Database


def signed(company: str, **fields: object) -> ClientSigned:
    return ClientSigned(lead_id=uuid.uuid4(), company=company, contact_email="owner@example.com", **fields)


def delivered_history(db: Database, count: int, subscriber: str = "crm.sync") -> None:
    """`count` ClientSigned events that an earlier version delivered to `subscriber`: it kept no cursor."""
    template = signed("Client", occurred_at=utc_now() - dt.timedelta(days=30))
    payload = template.model_dump(mode="json")
    ids = [uuid.uuid4() for _ in range(count)]
    event = {"event_type": "ClientSigned", "occurred_at": template.occurred_at}
    with db.session_for("cam") as session:
        session.execute(
            insert(CamOutbox.__table__),
            [
                {"id": i, "position": n + 1, "payload": {**payload, "event_id": str(i)}, **event}
                for n, i in enumerate(ids)
            ],
        )
    delivery = {"source": "cam", "subscriber": subscriber, "status": DeliveryState.COMPLETED, "attempts": 1, **event}
    with db.session_for("orchestration") as session:
        session.execute(
            insert(EventDeliveryRow.__table__),
            [{"id": uuid.uuid4(), "event_id": i, "updated_at": template.occurred_at, **delivery} for i in ids],
        )
