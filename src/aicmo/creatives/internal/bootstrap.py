"""Creatives wires itself for the composition root."""

from __future__ import annotations

from aicmo.creatives.api.ports import Writer
from aicmo.creatives.internal.template_writer import TemplateWriter


def bootstrap_creatives() -> Writer:
    return TemplateWriter()
