"""Where delivery writes and sends, and how often it tries each."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.delivery.internal.dispatch import RetryPolicy, send_with_retries
from aicmo.gateways.api import FileDrop, Mailer, OutgoingFile, WebhookPoster, WrittenFile


@dataclass(frozen=True)
class DeliveryChannels:
    """The package folder, the email and webhook targets (None when not configured), and the retries."""

    file_drop: FileDrop
    mailer: Mailer | None
    poster: WebhookPoster | None
    retry: RetryPolicy

    def write(self, folder: str, files: list[OutgoingFile]) -> list[WrittenFile]:
        """Write into the package folder, retried like any other delivery target."""
        written: list[WrittenFile] = []
        send_with_retries(lambda: written.extend(self.file_drop.write(folder, files)), self.retry, lambda _n: None)
        return written
