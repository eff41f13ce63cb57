"""Review links: made for one run's pack, sent or copied, revoked, and decided on once by the
client, each step in the audit log in the transaction that makes it."""

from __future__ import annotations

import datetime as dt
import uuid

from aicmo.accounts.api.dtos import Actor, ReviewComment, ReviewDecision, ReviewLink, ReviewLinkId
from aicmo.accounts.internal.credentials import normalized_email
from aicmo.accounts.internal.models import ReviewCommentRow, ReviewLinkRow
from aicmo.accounts.internal.records import audit_row, review_link
from aicmo.accounts.internal.repository import AccountsRepository, AccountsUnitOfWorkFactory
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound

AUDITED_DECISIONS = {ReviewDecision.APPROVED: "run.approve", ReviewDecision.CHANGES_REQUESTED: "run.request-changes"}
"""The same actions as a decision in the console or the CLI, so the audit log reads alike."""


def _row(repository: AccountsRepository, link_id: uuid.UUID) -> ReviewLinkRow:
    row = repository.review_link(link_id)
    if row is None:
        raise NotFound(f"no review link {link_id}")
    return row


def _view(repository: AccountsRepository, row: ReviewLinkRow) -> ReviewLink:
    return review_link(row, repository.review_comments(row.id))


def create(
    uow: AccountsUnitOfWorkFactory,
    clock: Clock,
    run_id: uuid.UUID,
    client: str,
    pack_digest: str,
    expires_at: dt.datetime,
    by: Actor,
    send_to: str | None,
) -> ReviewLink:
    address = normalized_email(send_to) if send_to else None
    with uow() as unit:
        now = clock.now()
        row = ReviewLinkRow(
            id=uuid.uuid4(),
            run_id=run_id,
            client=client,
            pack_digest=pack_digest,
            created_by=by.who,
            created_at=now,
            expires_at=expires_at,
            sent_to=address,
            sent_at=None,
            revoked_at=None,
            decision=None,
            decided_at=None,
            decision_comment=None,
        )
        unit.repository.add(row)
        detail = f"until {expires_at:%Y-%m-%d %H:%M} UTC" + (f", for {address}" if address else "")
        unit.repository.add(audit_row(by, now, "review_link.create", str(run_id), detail))
        unit.commit()
        return review_link(row, [])


def link(uow: AccountsUnitOfWorkFactory, link_id: ReviewLinkId) -> ReviewLink | None:
    with uow() as unit:
        row = unit.repository.review_link(link_id)
        return _view(unit.repository, row) if row else None


def of_run(uow: AccountsUnitOfWorkFactory, run_id: uuid.UUID) -> list[ReviewLink]:
    with uow() as unit:
        return [_view(unit.repository, row) for row in unit.repository.review_links_of_run(run_id)]


def record_sent(uow: AccountsUnitOfWorkFactory, clock: Clock, link_id: ReviewLinkId, by: Actor) -> ReviewLink:
    with uow() as unit:
        row = _row(unit.repository, link_id)
        row.sent_at = clock.now()
        unit.repository.add(audit_row(by, row.sent_at, "review_link.send", str(row.run_id), f"to {row.sent_to}"))
        unit.commit()
        return _view(unit.repository, row)


def revoke(uow: AccountsUnitOfWorkFactory, clock: Clock, link_id: ReviewLinkId, by: Actor) -> ReviewLink:
    with uow() as unit:
        row = _row(unit.repository, link_id)
        if row.revoked_at is None and row.decision is None:
            row.revoked_at = clock.now()
            unit.repository.add(audit_row(by, row.revoked_at, "review_link.revoke", str(row.run_id), f"link {row.id}"))
            unit.commit()
        return _view(unit.repository, row)


def decide(
    uow: AccountsUnitOfWorkFactory,
    clock: Clock,
    link_id: ReviewLinkId,
    decision: ReviewDecision,
    comment: str | None,
    comments: list[ReviewComment],
    by: Actor,
) -> ReviewLink:
    with uow() as unit:
        row = _row(unit.repository, link_id)
        if row.revoked_at is not None:
            raise Conflict("this review link was withdrawn")
        if row.decision is not None:
            raise Conflict("a decision was already made through this link")
        row.decision, row.decided_at, row.decision_comment = decision.value, clock.now(), comment
        for position, said in enumerate(comments):
            unit.repository.add(
                ReviewCommentRow(
                    id=uuid.uuid4(),
                    link_id=row.id,
                    position=position,
                    item_id=said.item_id,
                    item_label=said.item_label,
                    text=said.text,
                )
            )
        detail = ReviewComment.in_one_text(comment, comments)
        unit.repository.add(audit_row(by, row.decided_at, AUDITED_DECISIONS[decision], str(row.run_id), detail))
        unit.commit()
        return _view(unit.repository, row)
