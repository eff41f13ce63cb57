"""Gateways: the outbound and inbound channels — files, email, webhooks — behind ports,
so business modules never touch a socket or a path directly."""

from aicmo.gateways.api.dtos import EmailMessage, OutgoingFile, WebhookCall, WrittenFile
from aicmo.gateways.api.ports import FileDrop, Mailer, ReplyMailbox, WebhookAddressPolicy, WebhookPoster

CONTRACT_VERSION = "0.4.0"

__all__ = [
    "CONTRACT_VERSION",
    "EmailMessage",
    "FileDrop",
    "Mailer",
    "OutgoingFile",
    "ReplyMailbox",
    "WebhookAddressPolicy",
    "WebhookCall",
    "WebhookPoster",
    "WrittenFile",
]
