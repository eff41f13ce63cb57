"""The logo as PNG for Word and PowerPoint: python-docx and python-pptx take raster images only,
so an SVG logo is rasterised by Typst with its embedded fonts (no other tool, no download)."""

from __future__ import annotations

import functools

import typst

from aicmo.delivery.internal.renderers.style import Logo

_SVG_PAGE = b'#set page(width: auto, height: auto, margin: 0pt, fill: none)\n#image(bytes(sys.inputs.svg), format: "svg", height: 3cm)'


@functools.lru_cache(maxsize=16)
def logo_png(logo: Logo) -> bytes:
    if logo.format == "png":
        return logo.content
    return typst.compile(_SVG_PAGE, format="png", ppi=300, sys_inputs={"svg": logo.content.decode("utf-8-sig")}, ignore_system_fonts=True)
