"""The documents' style: the brand's colours where they read well, a house style otherwise."""

from aicmo.delivery.internal.renderers.style import (
    DARK_INK,
    HOUSE_ACCENT,
    HOUSE_FONT,
    HOUSE_PRIMARY,
    OFFICE_FONT,
    style_for,
)
from tests.briefs import example


def brand(**fields):
    base = example("northwind").brand
    return base.model_copy(update=fields)


def test_without_branding_the_house_style_applies():
    style = style_for(brand())

    assert (style.primary, style.accent, style.font, style.office_font, style.logo) == (
        HOUSE_PRIMARY,
        HOUSE_ACCENT,
        HOUSE_FONT,
        OFFICE_FONT,
        None,
    )
    assert style.ink == HOUSE_PRIMARY and style.on_primary == "#FFFFFF"


def test_a_dark_primary_colours_the_headings_and_carries_white_text():
    style = style_for(brand(colors=brand().colors.model_copy(update={"primary": "#0F766E"})))

    assert (style.ink, style.on_primary, style.accent) == ("#0F766E", "#FFFFFF", "#0F766E")


def test_a_light_primary_leaves_headings_in_dark_ink_and_text_on_it_dark():
    style = style_for(brand(colors=brand().colors.model_copy(update={"primary": "#FFE066"})))

    assert style.primary == "#FFE066"
    assert style.ink == DARK_INK and style.on_primary == DARK_INK
