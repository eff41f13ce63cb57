"""What the operator and other modules may ask of CAM."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Protocol

from aicmo.cam.api.dtos import (
    Campaign,
    CampaignId,
    CycleReport,
    ImportSummary,
    IngestReport,
    Lead,
    LeadDetail,
    LeadId,
    LeadPage,
    LeadQuery,
    LeadStage,
    NewCampaign,
    Reply,
    ReplyClass,
    ReplyPage,
    ReplyQuery,
    SequenceStep,
    WorkerId,
    WorkerStatus,
)


class CampaignBook(Protocol):
    """Outreach campaigns: their ICP, caps, sending window and mode."""

    def create(self, campaign: NewCampaign) -> Campaign:
        """Store a new campaign; raises Conflict when the name is taken."""
        ...

    def campaigns(self) -> list[Campaign]:
        """Every campaign, by name."""
        ...

    def get(self, name: str) -> Campaign:
        """One campaign by name; raises NotFound."""
        ...

    def set_paused(self, name: str | None, paused: bool) -> list[Campaign]:
        """Pause or resume one campaign, or every campaign when `name` is None."""
        ...


class LeadPipeline(Protocol):
    """Leads from import to a won client."""

    def import_csv(
        self, campaign: str, data: bytes | IO[bytes], source: str, mapping: dict[str, str] | None = None
    ) -> ImportSummary:
        """Import leads from CSV (bytes, or a binary stream read a batch at a time) into a campaign.

        Headers map to lead fields by name (or `mapping`: header → field); rows are
        validated (values trimmed; a control character rejects its row) and deduplicated
        by normalised email. Rejected rows are written to a rejects CSV with their line
        number and reason; columns that shadow each other are named in `warnings`.
        Nothing is stored unless the whole file could be read.

        Raises:
            InvalidInput: the file cannot be read at all (encoding, a quote never closed,
                no email column, a cell too long), each problem naming its line or the `email` column.
        """
        ...

    def leads(
        self, *, campaign: str | None = None, stage: LeadStage | None = None, grade: str | None = None, limit: int = 500
    ) -> list[Lead]:
        """Leads, newest first, filtered by campaign, stage and grade."""
        ...

    def page(self, query: LeadQuery) -> LeadPage:
        """One page of the leads `query` asks for; a page costs about the same however deep it is.

        Raises:
            InvalidInput: the cursor is not one a page of this sort gave (the field `cursor` is named).
            NotFound: no campaign has the name `query.campaign`.
        """
        ...

    def campaign_funnels(self) -> dict[CampaignId, dict[LeadStage, int]]:
        """Leads per stage, in pipeline order, of every campaign that has leads."""
        ...

    def funnel(self, campaign: str | None = None) -> dict[LeadStage, int]:
        """How many leads stand at each stage, in pipeline order, for one campaign or all."""
        ...

    def lead(self, lead_id: LeadId) -> LeadDetail:
        """One lead with its timeline; raises NotFound."""
        ...

    def resolve(self, typed: str) -> LeadId:
        """The lead whose id starts with `typed`, as git takes a commit's prefix.

        Raises:
            InvalidInput: `typed` is not the start of an id, or starts several.
            NotFound: no lead id starts with it.
        """
        ...

    def short_ids(self, lead_ids: list[LeadId]) -> dict[LeadId, str]:
        """For each lead, the shortest start of its id (8 characters at least) no other lead's
        id shares: what a listing prints, and `resolve` takes back."""
        ...

    def advance(self, lead_id: LeadId, stage: LeadStage, note: str | None = None) -> LeadDetail:
        """Move a lead to another stage; raises Conflict when the lead is closed (WON or LOST)."""
        ...

    def won(self, lead_id: LeadId, note: str | None = None) -> LeadDetail:
        """Close a lead as WON and publish ClientSigned, so onboarding opens an intake for the client."""
        ...


class Outreach(Protocol):
    """Multi-step email sequences with safety caps: caps, sending window, pause, suppression."""

    def set_sequence(self, campaign: str, steps: list[SequenceStep]) -> list[SequenceStep]:
        """Replace a campaign's steps; raises InvalidInput naming any unknown {{token}}."""
        ...

    def sequence(self, campaign: str) -> list[SequenceStep]:
        """A campaign's steps in the order they are sent; empty when it has none, so it sends nothing.

        Raises:
            NotFound: no campaign has that name.
        """
        ...

    def suppress(self, value: str, reason: str) -> None:
        """Never mail this address, or this whole domain when `value` has no @."""
        ...

    def invite(self, lead_id: LeadId, start: dt.datetime, minutes: int = 30, title: str | None = None) -> LeadDetail:
        """Send a meeting invitation (an .ics attachment) in the campaign's mode and move the lead to MEETING.

        Raises:
            InvalidInput: `start` has no time zone or lies in the past.
            Conflict: the lead is closed.
        """
        ...

    def run_cycle(self) -> CycleReport:
        """One cycle by a worker that lives for this cycle only (see `OutreachWorker.run_cycle`)."""
        ...

    def start_worker(self) -> AbstractContextManager[OutreachWorker]:
        """Register a worker with a heartbeat row that a background thread keeps fresh; it stops on exit."""
        ...

    def workers(self) -> list[WorkerStatus]:
        """Every worker that has registered, most recently seen first."""
        ...

    def unsubscribe(self, token: str) -> str:
        """Honour the link of an outreach email: suppress the address and close its lead as LOST.

        Returns the address. Raises InvalidInput when the token was not signed by this installation.
        Calling it again for the same token changes nothing.
        """
        ...


class OutreachWorker(Protocol):
    """A registered worker. Its claims hold while its heartbeat is fresh."""

    @property
    def worker_id(self) -> WorkerId: ...

    def run_cycle(self) -> CycleReport:
        """Send every due step that the campaigns' windows, caps and pauses allow, then close
        as LOST the leads that did not reply within their campaign's reply timeout.

        Claims of workers silent longer than the lease are released first. Due steps are
        claimed in batches (`FOR UPDATE SKIP LOCKED` on Postgres; SQLite has one writer at
        a time), then sent. SIMULATION campaigns render each message to an .eml file and
        send nothing. A lead gets each step once, even when several workers run at once.
        """
        ...

    def idle(self) -> None:
        """Record that the worker waits for its next cycle."""
        ...


class ReplyClassifier(Protocol):
    """Tells what a reply means; the rule-based one is the default."""

    def classify(self, sender: str, subject: str, body: str) -> ReplyClass:
        """The reply's class; NEUTRAL when nothing else fits."""
        ...


class ReplyInbox(Protocol):
    """Replies to outreach: ingested, threaded to their lead, classified, acted on."""

    def ingest_folder(self, folder: Path) -> IngestReport:
        """Read every .eml in `folder` (a drop folder); a message already recorded is skipped.

        Bounces and unsubscribes suppress the address and close the lead as LOST; other
        answers move the lead to REPLIED; positive ones wait in the review queue.
        """
        ...

    def ingest_mailbox(self) -> IngestReport:
        """Read every unread message of the IMAP mailbox (AICMO_IMAP_URL), as `ingest_folder` reads files.

        Raises:
            ChannelUnavailable: no mailbox is configured, or the server refused.
        """
        ...

    def replies(
        self, *, needs_review: bool = False, classification: ReplyClass | None = None, limit: int = 200
    ) -> list[Reply]:
        """Replies, newest first; with `needs_review`, the positive ones whose lead has not moved on
        since (to QUALIFIED, MEETING, WON or LOST); with `classification`, those of that class only."""
        ...

    def page(self, query: ReplyQuery) -> ReplyPage:
        """The replies `replies` lists, a page at a time: pass a page's `next_cursor` as the next query's `cursor`.

        Raises:
            InvalidInput: the cursor is not one a page gave (the field `cursor` is named).
        """
        ...
