"""The look of the client documents: the brand's colours, typeface and logo, or a clean house style."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.onboarding.api import Brand

HOUSE_PRIMARY = "#1F3A5F"
HOUSE_ACCENT = "#C8553D"
HOUSE_FONT = "Libertinus Serif"
OFFICE_FONT = "Calibri"
"""Word and PowerPoint's own typeface, on every client's machine, when the brand names none."""
DARK_INK = "#1E1E1E"


@dataclass(frozen=True)
class Logo:
    format: str
    """png or svg."""
    content: bytes


@dataclass(frozen=True)
class Style:
    primary: str
    accent: str
    ink: str
    """Headings on white: the primary colour when it reads on white, else dark ink."""
    on_primary: str
    """Text set on a primary fill (table heads, cover band)."""
    tint: str
    """The primary colour faded almost to white, for banded table rows."""
    font: str
    office_font: str
    logo: Logo | None


def _luminance(hex_color: str) -> float:
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _tint(hex_color: str, keep: float = 0.1) -> str:
    channels = [int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02X}" for c in channels)


def style_for(brand: Brand) -> Style:
    primary = brand.colors.primary or HOUSE_PRIMARY
    accent = brand.colors.accent or (HOUSE_ACCENT if brand.colors.primary is None else primary)
    logo = brand.logo
    return Style(
        primary=primary,
        accent=accent,
        ink=primary if _contrast(primary, "#FFFFFF") >= 3 else DARK_INK,
        on_primary="#FFFFFF" if _contrast(primary, "#FFFFFF") >= _contrast(primary, DARK_INK) else DARK_INK,
        tint=_tint(primary),
        font=brand.font.value if brand.font else HOUSE_FONT,
        office_font=brand.font.value if brand.font else OFFICE_FONT,
        logo=Logo("png" if logo.media_type == "image/png" else "svg", logo.content) if logo else None,
    )
