"""The signed token of a review link: which link, which run, which pack (its digest), until when.

It is signed with the installation's secret key (as sessions and unsubscribe links are), so
a changed character makes it worthless; the link's row is still looked up, so a revoked or
decided link stops working whatever its token says.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer

from aicmo.accounts.api import ReviewLink, ReviewLinkId


@dataclass(frozen=True)
class LinkClaim:
    link_id: ReviewLinkId
    run_id: str
    pack_digest: str
    expires_at: dt.datetime

    def matches(self, link: ReviewLink) -> bool:
        """Whether the stored link is the one this token was made for."""
        return (str(link.run_id), link.pack_digest, link.expires_at) == (self.run_id, self.pack_digest, self.expires_at)


class ReviewLinkTokens:
    def __init__(self, key: bytes) -> None:
        self._links = URLSafeSerializer(key, salt="aicmo.review.link")
        self._forms = URLSafeSerializer(key, salt="aicmo.review.form")

    def token(self, link: ReviewLink) -> str:
        return str(
            self._links.dumps([str(link.link_id), str(link.run_id), link.pack_digest, int(link.expires_at.timestamp())])
        )

    def claim(self, token: str) -> LinkClaim | None:
        """What a token says, when we signed it; None for anything else."""
        try:
            link_id, run_id, digest, expires = self._links.loads(token)
            return LinkClaim(
                ReviewLinkId.parse(link_id), run_id, digest, dt.datetime.fromtimestamp(int(expires), dt.UTC)
            )
        except (BadSignature, ValueError, TypeError):
            return None

    def form_token(self, token: str) -> str:
        """What the portal's form carries: it has no session, so the form token is bound to its link."""
        return str(self._forms.dumps(token))

    def form_is_genuine(self, token: str, sent: str | None) -> bool:
        try:
            return bool(sent) and hmac.compare_digest(str(self._forms.loads(sent or "")), token)
        except BadSignature:
            return False
