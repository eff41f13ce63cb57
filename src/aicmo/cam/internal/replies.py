"""The ReplyInbox port: a drop folder of .eml replies, threaded, classified and acted on."""

from __future__ import annotations

import email
import email.policy
import uuid
from collections import Counter
from dataclasses import dataclass, field
from email.message import EmailMessage as MimeMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from aicmo.cam.api.dtos import IngestReport, LeadId, Reply, ReplyClass, ReplyPage, ReplyQuery
from aicmo.cam.api.ports import ReplyClassifier
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.lead_fields import email_key
from aicmo.cam.internal.models import ReplyRow
from aicmo.cam.internal.use_cases.record_reply import DUPLICATE, UNMATCHED, IncomingReply, record_reply
from aicmo.gateways.api import ReplyMailbox
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable
from aicmo.platform.db.keyset import cursor_after


def _body(message: MimeMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def _reply(row: ReplyRow, address: str) -> Reply:
    return Reply(
        lead_id=LeadId.parse(row.lead_id),
        email=address,
        subject=row.subject,
        snippet=row.snippet,
        classification=ReplyClass(row.classification),
        received_at=row.received_at,
        needs_review=row.needs_review,
    )


def _sender(message: MimeMessage) -> str:
    addresses = getaddresses([str(message.get("From", ""))])
    return email_key(addresses[0][1]) if addresses else ""


@dataclass
class _Tally:
    """What an ingestion did, message by message."""

    read: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: str) -> None:
        self.read += 1
        self.outcomes[outcome] += 1

    def report(self) -> IngestReport:
        by_class = {kind: n for kind, n in self.outcomes.items() if kind not in (DUPLICATE, UNMATCHED)}
        return IngestReport(
            read=self.read,
            recorded=sum(by_class.values()),
            duplicates=self.outcomes[DUPLICATE],
            unmatched=self.outcomes[UNMATCHED],
            by_class=by_class,
        )


class ReplyService:
    def __init__(
        self, uow: CamUnitOfWorkFactory, clock: Clock, classifier: ReplyClassifier, mailbox: ReplyMailbox | None
    ) -> None:
        self._uow = uow
        self._mailbox = mailbox
        self._clock = clock
        self._classifier = classifier

    def ingest_folder(self, folder: Path) -> IngestReport:
        tally = _Tally()
        for path in sorted(folder.glob("*.eml")):
            tally.add(self._record(path.read_bytes()))
        return tally.report()

    def ingest_mailbox(self) -> IngestReport:
        if self._mailbox is None:
            raise ChannelUnavailable(
                "reading replies from a mailbox needs AICMO_IMAP_URL (imap://user:password@host:port/INBOX)"
            )
        tally = _Tally()
        self._mailbox.collect(lambda raw: tally.add(self._record(raw)))
        return tally.report()

    def _record(self, raw: bytes) -> str:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        reply = IncomingReply(
            message_id=str(message.get("Message-ID", "")).strip() or f"<no-id-{uuid.uuid4()}>",
            sender=_sender(message),
            subject=str(message.get("Subject", "")),
            body=_body(message),
            referenced=" ".join(str(message.get(h, "")) for h in ("In-Reply-To", "References")).split(),
            received_at=parsedate_to_datetime(message["Date"]) if message.get("Date") else None,
        )
        return record_reply(self._uow, self._clock, self._classifier, reply)

    def replies(
        self, *, needs_review: bool = False, classification: ReplyClass | None = None, limit: int = 200
    ) -> list[Reply]:
        with self._uow() as unit:
            rows = unit.repository.replies(needs_review=needs_review, classification=classification, limit=limit)
            return [_reply(row, address) for row, address in rows]

    def page(self, query: ReplyQuery) -> ReplyPage:
        with self._uow() as unit:
            rows = unit.repository.replies(
                needs_review=query.needs_review,
                classification=query.classification,
                limit=query.limit + 1,
                cursor=query.cursor,
            )
            shown = rows[: query.limit]
            last = shown[-1][0] if len(rows) > query.limit else None
            return ReplyPage(
                replies=[_reply(row, address) for row, address in shown],
                next_cursor=cursor_after(last.received_at, last.id) if last else None,
            )
