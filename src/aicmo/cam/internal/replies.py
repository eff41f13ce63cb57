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

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import IngestReport, LeadId, LeadStage, Reply, ReplyClass, TimelineKind
from aicmo.cam.api.ports import ReplyClassifier
from aicmo.cam.internal.lead_fields import email_key
from aicmo.cam.internal.models import OWNER, LeadEventRow, LeadRow, ReplyRow, SendRow
from aicmo.cam.internal.stages import move
from aicmo.cam.internal.suppressions import suppress
from aicmo.gateways.api import ReplyMailbox
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable
from aicmo.platform.db import Database

SNIPPET = 500
_CLOSING = {ReplyClass.BOUNCE, ReplyClass.UNSUBSCRIBE}


def _body(message: MimeMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


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
        by_class = {kind: n for kind, n in self.outcomes.items() if kind not in ("duplicate", "unmatched")}
        return IngestReport(
            read=self.read,
            recorded=sum(by_class.values()),
            duplicates=self.outcomes["duplicate"],
            unmatched=self.outcomes["unmatched"],
            by_class=by_class,
        )


class ReplyService:
    def __init__(self, db: Database, clock: Clock, classifier: ReplyClassifier, mailbox: ReplyMailbox | None) -> None:
        self._db = db
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
            raise ChannelUnavailable("reading replies from a mailbox needs AICMO_IMAP_URL (imap://user:password@host:port/INBOX)")
        tally = _Tally()
        self._mailbox.collect(lambda raw: tally.add(self._record(raw)))
        return tally.report()

    def _record(self, raw: bytes) -> str:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        message_id = str(message.get("Message-ID", "")).strip() or f"<no-id-{uuid.uuid4()}>"
        sender, subject, body = _sender(message), str(message.get("Subject", "")), _body(message)
        with self._db.session_for(OWNER) as session:
            if session.scalar(select(ReplyRow.id).where(ReplyRow.message_id == message_id)) is not None:
                return "duplicate"
            lead = self._thread(session, message, sender)
            if lead is None:
                return "unmatched"
            kind = self._classifier.classify(sender, subject, body)
            received = parsedate_to_datetime(message["Date"]) if message.get("Date") else self._clock.now()
            session.add(
                ReplyRow(
                    id=uuid.uuid4(),
                    lead_id=lead.id,
                    message_id=message_id,
                    sender=sender,
                    subject=subject[:500],
                    snippet=body.strip()[:SNIPPET],
                    classification=kind,
                    needs_review=kind == ReplyClass.POSITIVE,
                    received_at=received,
                )
            )
            self._act(session, lead, kind)
            return kind.value

    def _thread(self, session: Session, message: MimeMessage, sender: str) -> LeadRow | None:
        """The lead a reply answers: by In-Reply-To/References to a message we sent, else by the sender's address."""
        referenced = " ".join(str(message.get(h, "")) for h in ("In-Reply-To", "References")).split()
        if referenced:
            send = session.scalar(select(SendRow).where(SendRow.message_id.in_(referenced)))
            if send is not None:
                return session.get(LeadRow, send.lead_id)
        if sender:
            return session.scalar(select(LeadRow).where(LeadRow.email_key == sender).order_by(LeadRow.created_at.desc()))
        return None

    def _act(self, session: Session, lead: LeadRow, kind: ReplyClass) -> None:
        now, stage, note = self._clock.now(), LeadStage(lead.stage), f"reply classified {kind}"
        if kind in _CLOSING:
            suppress(session, lead.email_key, f"reply: {kind}", now)
        if kind in _CLOSING and not stage.closed:
            move(session, lead, LeadStage.LOST, at=now, kind=TimelineKind.REPLY, note=note)
        elif kind not in _CLOSING and kind != ReplyClass.OUT_OF_OFFICE and stage in (LeadStage.NEW, LeadStage.CONTACTED):
            move(session, lead, LeadStage.REPLIED, at=now, kind=TimelineKind.REPLY, note=note)
        else:
            session.add(LeadEventRow(id=uuid.uuid4(), lead_id=lead.id, kind=TimelineKind.REPLY, detail=note, at=now))

    def replies(self, *, needs_review: bool = False, limit: int = 200) -> list[Reply]:
        with self._db.session_for(OWNER) as session:
            query = select(ReplyRow, LeadRow.email).join(LeadRow, LeadRow.id == ReplyRow.lead_id).order_by(ReplyRow.received_at.desc()).limit(limit)
            if needs_review:
                query = query.where(ReplyRow.needs_review.is_(True))
            return [
                Reply(
                    lead_id=LeadId.parse(row.lead_id),
                    email=address,
                    subject=row.subject,
                    snippet=row.snippet,
                    classification=ReplyClass(row.classification),
                    received_at=row.received_at,
                    needs_review=row.needs_review,
                )
                for row, address in session.execute(query)
            ]
