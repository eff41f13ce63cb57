"""The logo as PNG for Word and PowerPoint: python-docx and python-pptx take raster images only,
so an SVG logo is rasterised by Typst with its embedded fonts (no other tool, no download)."""

from __future__ import annotations

import functools
import io

import typst
from PIL import Image

from aicmo.delivery.internal.renderers.style import Logo

_SVG_PAGE = b"""#set page(width: auto, height: auto, margin: 0pt, fill: none)
#let logo(..size) = image(bytes(sys.inputs.svg), format: "svg", ..size)
#context if measure(logo(height: 3cm)).width > 14cm { logo(width: 14cm) } else { logo(height: 3cm) }
"""
"""The logo 3 cm high, or 14 cm wide when it is wider than that, on a page of its own size."""


@functools.lru_cache(maxsize=16)
def logo_png(logo: Logo) -> bytes:
    if logo.format == "png":
        return logo.content
    return typst.compile(
        _SVG_PAGE, format="png", ppi=300, sys_inputs={"svg": logo.content.decode("utf-8-sig")}, ignore_system_fonts=True
    )


def logo_box(png: bytes, height: int, max_width: int) -> tuple[int, int]:
    """Width and height (EMU) of the logo at `height`, or scaled down to `max_width` when wider."""
    with Image.open(io.BytesIO(png)) as image:
        width = height * image.width // image.height
    return (width, height) if width <= max_width else (max_width, max_width * height // width)
