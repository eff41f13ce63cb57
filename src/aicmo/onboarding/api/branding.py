"""A client's brand identity for the documents: colours, logo and typeface, each checked at intake.

The logo arrives as a path relative to the brief file; whoever holds that file reads it (a
`BriefFiles` passed in the validation context) and the bytes are kept in the brief version,
so every later step gets them from the brief, never from the user's disk.
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ElementTree
from enum import StrEnum
from pathlib import PurePath
from typing import Annotated, Any, Literal

from PIL import Image, UnidentifiedImageError
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from aicmo.kernel.errors import InvalidInput

BRIEF_FILES = "brief_files"
"""The validation-context key of the `BriefFiles` that reads files named by the brief."""
MAX_LOGO_BYTES = 256 * 1024
MAX_LOGO_PIXELS = 4096
PNG = "image/png"
SVG = "image/svg+xml"
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_SVG_ROOT = {"svg", "{http://www.w3.org/2000/svg}svg"}
_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
_LENGTH = re.compile(r"^([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*(?:px|pt|pc|mm|cm|in|em|ex|%)?$", re.IGNORECASE)


class BrandFont(StrEnum):
    """The text typefaces embedded in the PDF renderer, so a document never needs a download."""

    LIBERTINUS_SERIF = "Libertinus Serif"
    NEW_COMPUTER_MODERN = "New Computer Modern"
    DEJAVU_SANS_MONO = "DejaVu Sans Mono"


def _font(value: object) -> object:
    if not isinstance(value, str):
        return value
    for font in BrandFont:
        if " ".join(value.split()).casefold() == font.value.casefold():
            return font
    choices = ", ".join(font.value for font in BrandFont)
    raise ValueError(f"{value!r} is not a font the documents embed — use one of: {choices}")


def _from_brief_file(info: ValidationInfo) -> bool:
    """True while reading a user's brief (the reader always passes its context), not a stored version."""
    return info.context is not None and BRIEF_FILES in info.context


def _hex_color(value: object, info: ValidationInfo) -> str | None:
    if value is None:
        if not _from_brief_file(info):
            return None
        raise ValueError(
            'is empty — quote the colour, e.g. primary: "#1F3A5F" (in YAML an unquoted # starts a comment)'
        )
    match = _HEX.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f'{value!r} is not a hex colour — write it as #RRGGBB, e.g. "#1F3A5F"')
    digits = match.group(1)
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits)).upper()


HexColor = Annotated[str | None, BeforeValidator(_hex_color)]
FontName = Annotated[BrandFont, BeforeValidator(_font)]


class BrandColors(BaseModel):
    """Brand colours as #RRGGBB: `primary` for covers, headings and table heads, `accent` for rules and highlights."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    primary: HexColor = None
    accent: HexColor = None


def _decoded(content: bytes | str) -> bytes:
    """The logo's bytes: JSON carries them as base64 text."""
    return base64.b64decode(content, validate=True) if isinstance(content, str) else content


def _from_base64(value: object) -> object:
    return _decoded(value) if isinstance(value, (bytes, str)) else value


LogoBytes = Annotated[
    bytes,
    BeforeValidator(_from_base64),
    PlainSerializer(lambda content: base64.b64encode(content).decode("ascii"), return_type=str, when_used="json"),
]


def _sniff(content: bytes) -> str:
    """The media type of a real PNG or SVG logo; ValueError with the fix for anything else."""
    if len(content) > MAX_LOGO_BYTES:
        raise ValueError(
            f"the logo is {len(content):,} bytes; the limit is {MAX_LOGO_BYTES // 1024} KiB — export it smaller"
        )
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        _check_png(content)
        return PNG
    _check_svg(content)
    return SVG


def _check_png(content: bytes) -> None:
    try:
        with Image.open(io.BytesIO(content)) as image:
            if max(image.size) > MAX_LOGO_PIXELS:
                raise ValueError(
                    f"the logo is {image.width}×{image.height} pixels;"
                    f" the limit is {MAX_LOGO_PIXELS} — export it smaller"
                )
            image.load()
    except (OSError, UnidentifiedImageError, SyntaxError):
        raise ValueError("the logo is a damaged PNG file — export it again as PNG or SVG") from None


def _check_svg(content: bytes) -> None:
    not_an_image = "the logo is neither a PNG nor an SVG image — give a .png or .svg file"
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(not_an_image) from None
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ValueError("the SVG logo declares a DOCTYPE or entities — export it as plain SVG without them")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        raise ValueError(not_an_image) from None
    if root.tag not in _SVG_ROOT:
        raise ValueError(not_an_image)
    _check_svg_size(root)
    for element in root.iter():
        for name in _HREFS:
            link = element.get(name, "")
            if link and not link.startswith(("data:", "#")):
                raise ValueError(
                    f"the SVG logo links to {link!r} — embed that image in the SVG or export the logo as PNG"
                )


def _check_svg_size(root: ElementTree.Element) -> None:
    """Width, height and viewBox, when given, must be positive: a renderer cannot draw a logo of no size."""
    sizes = [root.get("width"), root.get("height"), *(root.get("viewBox") or "").replace(",", " ").split()[2:]]
    for size in filter(None, sizes):
        number = _LENGTH.match(size.strip())
        if number is None or float(number.group(1)) <= 0:
            raise ValueError(
                f"the SVG logo has an invalid size ({size!r}) — export it with a positive width, height and viewBox"
            )


class BrandLogo(BaseModel):
    """The logo's bytes as given (PNG or SVG), kept with the brief version."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file_name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    media_type: Literal["image/png", "image/svg+xml"]
    content: LogoBytes

    @model_validator(mode="before")
    @classmethod
    def _checked(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("content"), (bytes, str)):
            value = dict(value, media_type=_sniff(_decoded(value["content"])))
        return value


def logo_from_file(value: object, info: ValidationInfo) -> object:
    """A logo path (relative to the brief file) becomes the logo's bytes, read by the brief's `BriefFiles`."""
    if not isinstance(value, str):
        return value
    files = (info.context or {}).get(BRIEF_FILES)
    if files is None:
        raise ValueError(
            f"names the file {value!r}, and a logo path cannot be read from an uploaded brief — put the logo"
            f" in the brief as {{file_name: {value}, content: <the file in base64>}}, remove the brand.logo"
            " line to run without a logo, or start the run where the file is: aicmo run BRIEF"
        )
    if PurePath(value).suffix.lower() not in (".png", ".svg"):
        raise ValueError(f"{value!r} is not a .png or .svg file — export the logo as PNG or SVG")
    try:
        content = files.read(value, MAX_LOGO_BYTES)
    except InvalidInput as error:
        raise ValueError(error.summary) from None
    return {"file_name": PurePath(value).name, "content": content}
