"""The MIME message an EmailMessage becomes, for SMTP and for .eml files alike."""

from __future__ import annotations

import mimetypes
from email.message import EmailMessage as MimeMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid

from aicmo.gateways.api.dtos import EmailMessage


_POLICY = SMTP.clone(max_line_length=998)
"""Long header values such as List-Unsubscribe stay one readable line, not encoded words."""


def mime_message(message: EmailMessage, sender: str) -> MimeMessage:
    mime = MimeMessage(policy=_POLICY)
    mime["From"] = sender
    mime["To"] = message.to
    mime["Subject"] = message.subject
    mime["Date"] = formatdate(localtime=False)
    mime["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip("> ") or "localhost")
    for name, value in message.headers.items():
        mime[name] = value
    mime.set_content(message.body)
    for attachment in message.attachments:
        kind = mimetypes.guess_type(attachment.name)[0] or "application/octet-stream"
        main, sub = kind.split("/", 1)
        mime.add_attachment(attachment.content, maintype=main, subtype=sub, filename=attachment.name)
    return mime
