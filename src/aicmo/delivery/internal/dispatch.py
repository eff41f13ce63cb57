"""Sending a built package to one target: the email or webhook it becomes, retried with backoff."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from aicmo.delivery.api.dtos import DeliveryTarget, Package, TargetKind
from aicmo.delivery.internal.renderers.catalog import ARCHIVE, FOR_THE_AGENCY, MANIFEST
from aicmo.gateways.api import EmailMessage, Mailer, OutgoingFile, WebhookCall, WebhookPoster
from aicmo.kernel.errors import ChannelUnavailable


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int
    first_wait_seconds: float


def email_for(package: Package, target: DeliveryTarget, key: str) -> EmailMessage:
    """The client's email: a short summary with the ZIP attached (every client document when there is no ZIP)."""
    by_name = {a.name: a for a in package.artifacts if a.name not in FOR_THE_AGENCY}
    attached = [by_name[ARCHIVE]] if ARCHIVE in by_name else list(by_name.values())
    lines = [
        "Hello,",
        "",
        f"Your marketing plan for {package.client_name} is ready. Attached:",
        *[f"  - {a.name} ({a.size:,} bytes, sha256 {a.sha256[:12]}…)" for a in attached],
        "",
        "Reply to this email with any question or change.",
    ]
    return EmailMessage(
        to=target.address,
        subject=f"Your marketing plan: {package.client_name}",
        body="\n".join(lines),
        attachments=[OutgoingFile(name=a.name, content=Path(a.path).read_bytes()) for a in attached],
        headers={"X-AICMO-Delivery": key},
    )


def webhook_for(package: Package, target: DeliveryTarget, key: str) -> WebhookCall:
    manifest = next((a for a in package.artifacts if a.name == MANIFEST), None)
    body = {
        "event": "package.delivered",
        "idempotency_key": key,
        "package_id": str(package.package_id),
        "client": package.client_name,
        "run": package.run_key,
        "files": [
            {"name": a.name, "sha256": a.sha256, "bytes": a.size, "media_type": a.media_type} for a in package.artifacts
        ],
        "manifest": json.loads(Path(manifest.path).read_text(encoding="utf-8")) if manifest else None,
    }
    return WebhookCall(url=target.address, body=json.dumps(body, ensure_ascii=False).encode(), idempotency_key=key)


def send_with_retries(send: Callable[[], object], policy: RetryPolicy, on_attempt: Callable[[int], None]) -> None:
    """Call `send` until it stops raising ChannelUnavailable or the tries run out (then re-raise)."""
    retrying = Retrying(
        stop=stop_after_attempt(policy.attempts),
        wait=wait_exponential(multiplier=policy.first_wait_seconds, max=60),
        retry=retry_if_exception_type(ChannelUnavailable),
        reraise=True,
    )
    for attempt in retrying:
        with attempt:
            on_attempt(attempt.retry_state.attempt_number)
            send()


def sender_for(
    target: DeliveryTarget, mailer: Mailer | None, poster: WebhookPoster | None
) -> Callable[[Package, str], object]:
    if target.kind == TargetKind.EMAIL:
        if mailer is None:
            raise ChannelUnavailable("no SMTP server is configured: set AICMO_SMTP_URL to deliver by email")
        return lambda package, key: mailer.send(email_for(package, target, key))
    if poster is None:
        raise ChannelUnavailable("no webhook secret is configured: set AICMO_WEBHOOK_SECRET to deliver by webhook")
    return lambda package, key: poster.post(webhook_for(package, target, key))
