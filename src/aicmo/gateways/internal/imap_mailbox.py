"""Replies read from an IMAP mailbox (imaplib), configured by one URL:
imap[s]://user:password@host:port/MAILBOX (MAILBOX defaults to INBOX).

Each unread message is handed over, then flagged \\Seen; a crash between the two hands it
over again on the next run, which the reader must tolerate (CAM skips a Message-ID it has).
"""

from __future__ import annotations

import imaplib
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from aicmo.kernel.errors import ChannelUnavailable

TIMEOUT_SECONDS = 30


class ImapMailbox:
    def __init__(self, imap_url: str) -> None:
        parts = urlsplit(imap_url)
        if parts.scheme not in ("imap", "imaps") or not parts.hostname or not parts.username:
            raise ValueError(
                f"AICMO_IMAP_URL must look like imap://user:password@host:port/INBOX or imaps://…, not {parts.scheme}://…"
            )
        self._tls = parts.scheme == "imaps"
        self._host = parts.hostname
        self._port = parts.port or (993 if self._tls else 143)
        self._user = unquote(parts.username)
        self._password = unquote(parts.password or "")
        self._mailbox = unquote(parts.path.strip("/")) or "INBOX"

    def collect(self, handle: Callable[[bytes], None]) -> int:
        try:
            connect = imaplib.IMAP4_SSL if self._tls else imaplib.IMAP4
            with connect(self._host, self._port, timeout=TIMEOUT_SECONDS) as client:
                client.login(self._user, self._password)
                status, _ = client.select(self._mailbox)
                if status != "OK":
                    raise ChannelUnavailable(f"IMAP server {self._host}:{self._port} has no mailbox {self._mailbox!r}")
                _, found = client.uid("SEARCH", None, "UNSEEN")
                uids = found[0].split() if found and found[0] else []
                for uid in uids:
                    _, fetched = client.uid("FETCH", uid, "(BODY.PEEK[])")
                    handle(next(part[1] for part in fetched if isinstance(part, tuple)))
                    client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
                client.logout()
        except (imaplib.IMAP4.error, OSError) as error:
            raise ChannelUnavailable(f"IMAP server {self._host}:{self._port} refused: {error}") from None
        return len(uids)
