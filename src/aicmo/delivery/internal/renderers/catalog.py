"""Which file each output format becomes, its media type, and the renderer that makes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aicmo.delivery.api.dtos import PackageRequest
from aicmo.delivery.internal.renderers.markdown import render_markdown
from aicmo.delivery.internal.renderers.schedule import render_csv, render_ics
from aicmo.delivery.internal.renderers.view import PackageView
from aicmo.onboarding.api import OutputFormat
from aicmo.production.api import ContentKind


def _pdf(_request: PackageRequest, view: PackageView) -> bytes:
    """Typst, python-docx and python-pptx are imported when a package is rendered, not by
    every command that wires the application (each costs a command's start-up)."""
    from aicmo.delivery.internal.renderers.pdf import render_pdf

    return render_pdf(view)


def _docx(_request: PackageRequest, view: PackageView) -> bytes:
    from aicmo.delivery.internal.renderers.docx import render_docx

    return render_docx(view)


def _pptx(_request: PackageRequest, view: PackageView) -> bytes:
    from aicmo.delivery.internal.renderers.pptx import render_pptx

    return render_pptx(view)


@dataclass(frozen=True)
class Renderer:
    file_name: str
    media_type: str
    render: Callable[[PackageRequest, PackageView], bytes]
    needs_calendar: bool = False


RENDERERS: dict[OutputFormat, Renderer] = {
    OutputFormat.PDF: Renderer("plan.pdf", "application/pdf", _pdf),
    OutputFormat.DOCX: Renderer(
        "plan.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _docx,
    ),
    OutputFormat.PPTX: Renderer(
        "strategy.pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _pptx,
    ),
    OutputFormat.MD: Renderer("plan.md", "text/markdown", lambda _r, view: render_markdown(view)),
    OutputFormat.ICS: Renderer(
        "calendar.ics", "text/calendar", lambda request, _v: render_ics(request), needs_calendar=True
    ),
    OutputFormat.CSV: Renderer(
        "schedule.csv", "text/csv", lambda request, _v: render_csv(request), needs_calendar=True
    ),
}
QC_REPORT = "qc-report.md"
"""The agency's quality report and lineage, written into every package beside the client's documents."""
MANIFEST = "manifest.json"
ARCHIVE = "package.zip"
FOR_THE_AGENCY = frozenset({QC_REPORT, MANIFEST})
"""Files for the operator, kept beside the package: never in the client's ZIP or email."""
MEDIA_TYPES = {r.file_name: r.media_type for r in RENDERERS.values()} | {
    QC_REPORT: "text/markdown",
    MANIFEST: "application/json",
    ARCHIVE: "application/zip",
}


def renderable(request: PackageRequest) -> dict[OutputFormat, Renderer]:
    """The renderers for the formats the brief asks for (a calendar format only when there is a calendar)."""
    has_calendar = bool(request.pack.of_kind(ContentKind.CALENDAR_ENTRY))
    return {
        fmt: renderer
        for fmt, renderer in RENDERERS.items()
        if fmt in request.brief.brief.plan.formats and (has_calendar or not renderer.needs_calendar)
    }
