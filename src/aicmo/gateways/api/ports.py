"""Outbound channels, and the inbound one: a mailbox of replies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from aicmo.gateways.api.dtos import EmailMessage, OutgoingFile, WebhookCall, WrittenFile


class FileDrop(Protocol):
    """Writes files into a folder, completely or not at all."""

    def write(self, folder: str, files: list[OutgoingFile]) -> list[WrittenFile]:
        """Write `files` into `folder` (created if missing).

        Each file is written to a temporary name and renamed, so a reader never sees
        half a file. Raises ChannelUnavailable naming the folder when it is not writable.
        """
        ...


class Mailer(Protocol):
    """Sends one email."""

    def send(self, message: EmailMessage) -> str:
        """Send `message`; return its Message-ID.

        Raises:
            ChannelUnavailable: the server refused or did not answer (the caller may retry).
        """
        ...


class WebhookPoster(Protocol):
    """POSTs a signed JSON body to a client's endpoint."""

    def post(self, call: WebhookCall) -> int:
        """POST `call.body` with an HMAC-SHA256 signature; return the HTTP status (2xx).

        Raises:
            ChannelUnavailable: the endpoint refused (non-2xx) or did not answer.
        """
        ...


class WebhookAddressPolicy(Protocol):
    """Which URLs a webhook may be posted to."""

    def problem(self, url: str) -> str | None:
        """Why `url` cannot take a webhook, with the fix, or None when it can.

        An http(s) URL without credentials, spaces or line breaks, whose host resolves
        only to public addresses (private networks when the operator allows them).
        """
        ...


class ReplyMailbox(Protocol):
    """A mailbox that replies arrive in (IMAP)."""

    def collect(self, handle: Callable[[bytes], None]) -> int:
        """Pass each unread message, as raw RFC 5322 bytes, to `handle`, then mark it read.

        Returns how many were handed over. A message may be handed over again after a
        crash, so `handle` must skip what it has seen.

        Raises:
            ChannelUnavailable: the server refused the login or did not answer.
        """
        ...
