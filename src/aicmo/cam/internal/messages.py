"""An outreach email for one lead: the personalised variant, and a signed one-click
unsubscribe link in the body and in the List-Unsubscribe headers (RFC 8058)."""

from __future__ import annotations

import hashlib
import hmac
import uuid

from aicmo.cam.internal.models import LeadRow
from aicmo.cam.internal.personalisation import FALLBACKS, personalise
from aicmo.gateways.api import EmailMessage
from aicmo.kernel.errors import InvalidInput


class UnsubscribeLinks:
    """Links of the form PUBLIC_URL/unsubscribe/LEAD.SIGNATURE; only this installation's key signs them."""

    def __init__(self, public_url: str, key: bytes) -> None:
        self._base = public_url.rstrip("/") + "/unsubscribe/"
        self._key = key

    def _signature(self, lead_id: uuid.UUID) -> str:
        return hmac.new(self._key, str(lead_id).encode(), hashlib.sha256).hexdigest()[:32]

    def link(self, lead_id: uuid.UUID) -> str:
        return f"{self._base}{lead_id}.{self._signature(lead_id)}"

    def lead_of(self, token: str) -> uuid.UUID:
        """The lead a token names; raises InvalidInput when it is malformed or not ours."""
        lead_text, _, signature = token.strip().partition(".")
        try:
            lead_id = uuid.UUID(lead_text)
        except ValueError:
            raise InvalidInput("this unsubscribe link is not one of ours: copy the whole link from the email") from None
        if not hmac.compare_digest(signature, self._signature(lead_id)):
            raise InvalidInput("this unsubscribe link is not one of ours: copy the whole link from the email")
        return lead_id


def outreach_email(lead: LeadRow, variant: dict, links: UnsubscribeLinks) -> EmailMessage:
    fields = {name: getattr(lead, name) for name in FALLBACKS}
    link = links.link(lead.id)
    return EmailMessage(
        to=lead.email.strip(),
        subject=personalise(variant["subject"], fields),
        body=f"{personalise(variant['body'], fields)}\n\n—\nNo more emails from us: {link}",
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
