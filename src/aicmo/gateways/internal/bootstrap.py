"""Gateways wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.gateways.api.ports import FileDrop, Mailer, ReplyMailbox, WebhookAddressPolicy, WebhookPoster
from aicmo.gateways.internal.eml_files import EmlFileMailer
from aicmo.gateways.internal.folder_drop import FolderDrop
from aicmo.gateways.internal.imap_mailbox import ImapMailbox
from aicmo.gateways.internal.signed_webhook import SignedWebhookPoster
from aicmo.gateways.internal.smtp_mailer import SmtpMailer
from aicmo.gateways.internal.webhook_address import PublicAddressPolicy


def bootstrap_file_drop() -> FileDrop:
    return FolderDrop()


def bootstrap_mailer(smtp_url: str | None, sender: str, *, deadline_seconds: float) -> Mailer | None:
    """The SMTP mailer, or None when no server is configured."""
    return SmtpMailer(smtp_url, sender, deadline_seconds) if smtp_url else None


def bootstrap_eml_mailer(folder: Path, sender: str) -> Mailer:
    """SIMULATION: messages become .eml files in `folder`, and nothing is sent."""
    return EmlFileMailer(folder, sender)


def bootstrap_webhook_addresses(*, allow_private: bool) -> WebhookAddressPolicy:
    """Public endpoints only, unless the operator allows their own network."""
    return PublicAddressPolicy(allow_private=allow_private)


def bootstrap_webhook_poster(
    secret: str | None, *, allow_private: bool, deadline_seconds: float
) -> WebhookPoster | None:
    """The signing poster, or None when no secret is configured."""
    if not secret:
        return None
    return SignedWebhookPoster(secret, PublicAddressPolicy(allow_private=allow_private), deadline_seconds)


def bootstrap_reply_mailbox(imap_url: str | None) -> ReplyMailbox | None:
    """The IMAP mailbox of replies, or None when none is configured."""
    return ImapMailbox(imap_url) if imap_url else None
