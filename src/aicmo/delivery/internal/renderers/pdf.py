"""The package as a PDF, typeset by Typst from package.typ with the fonts typst embeds, and Noto Emoji and
the Noto Sans scripts from manimgx-fonts as fallbacks, so a brand like "Zen🧘 Studio" prints as written."""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import asdict
from pathlib import Path

import manimgx_fonts
import typst

from aicmo.delivery.internal.renderers.view import PackageView

TEMPLATE = Path(__file__).with_name("package.typ")
FALLBACK_FONTS = Path(manimgx_fonts.__file__).parent
"""A folder of font files installed with the package: nothing is read from the system or downloaded."""
_local = threading.local()


def _compiler() -> typst.Compiler:
    """One compiler per thread: it loads the template and the fonts once, and is not shared across threads."""
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        compiler = _local.compiler = typst.Compiler(TEMPLATE, font_paths=[FALLBACK_FONTS], ignore_system_fonts=True)
    return compiler


def _as_json(value: object) -> object:
    """Bytes (the logo) as a JSON array that the template turns back into bytes: sys.inputs carries text only."""
    if isinstance(value, bytes):
        return list(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot go into the PDF's data")


def render_pdf(view: PackageView) -> bytes:
    data = json.dumps(asdict(view), ensure_ascii=False, default=_as_json)
    return _compiler().compile(sys_inputs={"data": data})
