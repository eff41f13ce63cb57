"""Gateways wires itself for the composition root."""

from __future__ import annotations

from aicmo.gateways.api.ports import FileDrop
from aicmo.gateways.internal.folder_drop import FolderDrop


def bootstrap_file_drop() -> FileDrop:
    return FolderDrop()
