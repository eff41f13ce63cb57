"""The package as a PDF, typeset by Typst from package.typ with the fonts typst embeds."""

from __future__ import annotations

import json
import threading
from dataclasses import asdict
from pathlib import Path

import typst

from aicmo.delivery.internal.renderers.view import PackageView

TEMPLATE = Path(__file__).with_name("package.typ")
_local = threading.local()


def _compiler() -> typst.Compiler:
    """One compiler per thread: it loads the template and the fonts once, and is not shared across threads."""
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        compiler = _local.compiler = typst.Compiler(TEMPLATE, ignore_system_fonts=True)
    return compiler


def render_pdf(view: PackageView) -> bytes:
    return _compiler().compile(sys_inputs={"data": json.dumps(asdict(view), ensure_ascii=False)})
