"""Gateways: the outbound and inbound channels — files, email, webhooks — behind ports,
so business modules never touch a socket or a path directly."""

from aicmo.gateways.api.dtos import OutgoingFile, WrittenFile
from aicmo.gateways.api.ports import FileDrop

CONTRACT_VERSION = "0.1.0"

__all__ = ["CONTRACT_VERSION", "FileDrop", "OutgoingFile", "WrittenFile"]
