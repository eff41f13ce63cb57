"""Review links from both sides: the operator makes one for a run waiting for approval (and
may email it), the client opens it and decides. A decision goes through the same `Workflows`
port as `aicmo approve` / `aicmo reject` and is audited as made by "client via link"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from aicmo.accounts.api import Actor, Channel, ReviewDecision, ReviewLink
from aicmo.gateways.api import EmailMessage
from aicmo.kernel.errors import ChannelUnavailable, Conflict, InvalidInput, NotFound, Problem
from aicmo.operator.web.console.run_view import PackView, pack_view
from aicmo.operator.web.portal.link_tokens import ReviewLinkTokens
from aicmo.operator.web.portal.pack_digest import pack_digest
from aicmo.operator.web.portal.review_form import ReviewAnswer
from aicmo.orchestration.api import RunId, RunState, RunSummary
from aicmo.orchestration.composition import Application

MAX_DAYS = 30
CLIENT = "client via link"
"""Who the audit log names for a decision made through a link."""


class LinkState(StrEnum):
    OPEN = "open"
    DECIDED = "decided"
    REVOKED = "withdrawn"
    EXPIRED = "expired"
    CLOSED = "closed"
    """The run no longer waits for approval: it was decided elsewhere."""
    CHANGED = "pack changed"


@dataclass(frozen=True)
class Review:
    link: ReviewLink
    state: LinkState
    run: RunSummary
    pack: PackView | None
    """The run's current pack (the one the link shows while it is open)."""
    timezone: str | None = None
    """The brief's plan time zone, which the calendar's posting times are local to."""

    @property
    def approvable(self) -> bool:
        """A client may not approve what the agency has not cleared (open blockers); asking for changes stays open."""
        return self.pack is not None and not self.pack.open_blockers


class ReviewDesk:
    def __init__(self, app: Application, tokens: ReviewLinkTokens) -> None:
        self.app = app
        self.tokens = tokens

    def url(self, link: ReviewLink) -> str:
        return f"{self.app.settings.public_url.rstrip('/')}/review/{self.tokens.token(link)}"

    def _state(self, link: ReviewLink, run: RunSummary, pack: PackView | None) -> LinkState:
        if link.decision is not None:
            return LinkState.DECIDED
        if link.revoked_at is not None:
            return LinkState.REVOKED
        if link.expires_at <= dt.datetime.now(dt.UTC):
            return LinkState.EXPIRED
        if run.state != RunState.AWAITING_APPROVAL:
            return LinkState.CLOSED
        if pack is None or pack_digest(pack.pack) != link.pack_digest:
            return LinkState.CHANGED
        return LinkState.OPEN

    def open(self, token: str) -> Review | None:
        """The review a token opens, in whatever state; None for a token we did not make."""
        claim = self.tokens.claim(token)
        link = self.app.review_links.link(claim.link_id) if claim else None
        if claim is None or link is None or not claim.matches(link):
            return None
        try:
            run = self.app.workflows.get_run(RunId.parse(link.run_id))
        except NotFound:
            return None
        pack = pack_view(self.app, run)
        timezone = self.app.onboarding.get_version(pack.pack.brief_version_id).brief.plan.timezone if pack else None
        return Review(link, self._state(link, run, pack), run, pack, timezone)

    def links_of(self, run: RunSummary, pack: PackView | None) -> list[tuple[ReviewLink, LinkState, str]]:
        """The run's links, each with its state and address, for the operator's run page (which
        has read the run's `pack` already)."""
        return [
            (link, self._state(link, run, pack), self.url(link)) for link in self.app.review_links.of_run(run.run_id)
        ]

    def make(self, run: RunSummary, days: str, email: str, by: Actor) -> ReviewLink:
        """A link to the run's current pack for `days` days, emailed to `email` when one is given
        (a link the mail server refused is still made, to be copied: it was not marked sent).

        Raises:
            InvalidInput: `days` is not 1-30, `email` is no address or no mail server is set
                (the field is named); nothing is stored then.
            Conflict: the run does not wait for approval.
        """
        pack = pack_view(self.app, run)
        if run.state != RunState.AWAITING_APPROVAL or pack is None:
            raise Conflict("only a run waiting for approval can be sent for review")
        if not days.strip().isdigit() or not 1 <= int(days) <= MAX_DAYS:
            raise InvalidInput(
                "the link's lifetime is wrong", [Problem("days", f"give a whole number of days from 1 to {MAX_DAYS}")]
            )
        email = email.strip()
        if email and self.app.mailer is None:
            problem = Problem(
                "email", "no mail server is set (AICMO_SMTP_URL): leave the address empty and copy the link"
            )
            raise InvalidInput("the link cannot be emailed", [problem])
        expires = (dt.datetime.now(dt.UTC) + dt.timedelta(days=int(days))).replace(microsecond=0)
        link = self.app.review_links.create(
            run.run_id, run.client_name, pack_digest(pack.pack), expires, by, send_to=email or None
        )
        if link.sent_to is None or self.app.mailer is None:
            return link
        try:
            self.app.mailer.send(self._email(link, self.url(link)))
        except ChannelUnavailable:
            return link
        return self.app.review_links.record_sent(link.link_id, by)

    def _email(self, link: ReviewLink, url: str) -> EmailMessage:
        who = self.app.settings.agency_name or "We"
        verb = "has" if self.app.settings.agency_name else "have"
        body = (
            f"Hello,\n\n{who} {verb} prepared the content pack for {link.client} and would like your review.\n\n"
            f"Open it here, no account needed:\n{url}\n\n"
            "You can comment on each item, then approve the pack or ask for changes. "
            f"The link works until {link.expires_at:%d %B %Y, %H:%M} UTC, for this version of the pack only.\n"
        )
        return EmailMessage(
            to=link.sent_to or "", subject=f"Please review the content pack for {link.client}", body=body
        )

    def decide(self, review: Review, answer: ReviewAnswer, address: str | None) -> ReviewLink:
        """Send the client's decision to the workflow, then keep it and its comments on the link.

        Raises:
            Conflict: the review is not open (decided, withdrawn, expired, closed or its pack changed),
                or an approval while the pack has open blocker findings.
            InvalidInput: the workflow refused the comment or an item.
        """
        if review.state != LinkState.OPEN:
            raise Conflict(f"this review is {review.state.value}")
        comment = answer.workflow_comment()
        if answer.decision == ReviewDecision.APPROVED:
            if not review.approvable:
                raise Conflict(
                    "the agency must resolve the quality issues still open in this pack before it can be approved;"
                    " you can ask for changes meanwhile"
                )
            self.app.workflows.approve(review.run.run_id, comment)
        else:
            self.app.workflows.reject(review.run.run_id, comment or "", answer.items())
        by = Actor(who=CLIENT, channel=Channel.LINK, address=address)
        return self.app.review_links.decide(review.link.link_id, answer.decision, answer.comment, answer.comments, by)
