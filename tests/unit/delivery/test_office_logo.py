"""The logo for Word and PowerPoint: SVG rasterised, and never wider than its place on the page."""

import io

from docx.shared import Cm
from PIL import Image

from aicmo.delivery.internal.renderers.office_logo import logo_box, logo_png
from aicmo.delivery.internal.renderers.style import Logo
from tests.briefs import BRIEFS

BANNER = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10000 10" width="10000" height="10">'
    b'<rect width="10000" height="10" fill="#C00"/></svg>'
)


def size_of(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return image.size


def test_an_svg_logo_becomes_a_png_of_its_shape():
    width, height = size_of(logo_png(Logo("svg", (BRIEFS / "ledgerly-logo.svg").read_bytes())))

    assert 3.5 < width / height < 4.0


def test_a_banner_shaped_logo_is_rasterised_at_a_bounded_size():
    width, height = size_of(logo_png(Logo("svg", BANNER)))

    assert width <= 1700 and height >= 1


def test_a_logo_keeps_its_height_unless_that_makes_it_too_wide():
    assert logo_box(logo_png(Logo("svg", (BRIEFS / "ledgerly-logo.svg").read_bytes())), Cm(2), Cm(9))[1] == Cm(2)
    assert logo_box(logo_png(Logo("svg", BANNER)), Cm(2), Cm(9))[0] == Cm(9)
