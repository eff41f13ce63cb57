"""A brief whose branding cannot be used is refused before anything runs: exit 2, the field and the fix."""

import io

import yaml
from PIL import Image

from tests.briefs import BRIEFS

from .cli import aicmo
from .test_cli_bad_input import assert_refused, home  # noqa: F401 - the fixture


def brief_with(tmp_path, **brand) -> str:
    document = yaml.safe_load((BRIEFS / "northwind.yaml").read_text())
    document["brand"].update(brand)
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    return str(path)


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0F766E").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_colour_that_is_not_hex(home, tmp_path):
    result = aicmo("run", brief_with(tmp_path, colors={"primary": "teal"}), "--auto-approve")

    assert_refused(result, home, "- brand.colors.primary: 'teal' is not a hex colour — write it as #RRGGBB")


def test_an_unquoted_colour_in_yaml_is_explained(home, tmp_path):
    path = tmp_path / "brief.yaml"
    path.write_text(
        (BRIEFS / "northwind.yaml").read_text().replace("  locations:", "  colors:\n    primary: #0F766E\n  locations:")
    )

    assert_refused(
        aicmo("run", str(path), "--auto-approve"), home, "- brand.colors.primary: is empty — quote the colour"
    )


def test_a_font_the_documents_do_not_embed(home, tmp_path):
    result = aicmo("run", brief_with(tmp_path, font="Comic Sans MS"), "--auto-approve")

    assert_refused(
        result,
        home,
        "- brand.font: 'Comic Sans MS' is not a font the documents embed"
        " — use one of: Libertinus Serif, New Computer Modern, DejaVu Sans Mono",
    )


def test_a_missing_logo(home, tmp_path):
    result = aicmo("run", brief_with(tmp_path, logo="logo.png"), "--auto-approve")

    assert_refused(
        result, home, "- brand.logo: 'logo.png' not found beside the brief — give a file path relative to the brief"
    )


def test_a_logo_that_is_not_an_image(home, tmp_path):
    (tmp_path / "logo.png").write_text("not a picture")

    result = aicmo("run", brief_with(tmp_path, logo="logo.png"), "--auto-approve")

    assert_refused(result, home, "- brand.logo: the logo is neither a PNG nor an SVG image — give a .png or .svg file")


def test_a_logo_of_another_format(home, tmp_path):
    (tmp_path / "logo.jpg").write_bytes(b"\xff\xd8\xff\xe0")

    assert_refused(
        aicmo("run", brief_with(tmp_path, logo="logo.jpg"), "--auto-approve"),
        home,
        "- brand.logo: 'logo.jpg' is not a .png or .svg file",
    )


def test_a_damaged_png_logo(home, tmp_path):
    (tmp_path / "logo.png").write_bytes(png(40, 20)[:60])

    assert_refused(
        aicmo("run", brief_with(tmp_path, logo="logo.png"), "--auto-approve"),
        home,
        "- brand.logo: the logo is a damaged PNG file",
    )


def test_a_logo_too_large(home, tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">' + " " * 300_000 + "</svg>")

    assert_refused(
        aicmo("run", brief_with(tmp_path, logo="logo.svg"), "--auto-approve"),
        home,
        "- brand.logo: 'logo.svg' is larger than 256 KiB — export a smaller file",
    )


def test_an_svg_logo_with_entities(home, tmp_path):
    (tmp_path / "logo.svg").write_text(
        '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    )

    assert_refused(
        aicmo("run", brief_with(tmp_path, logo="logo.svg"), "--auto-approve"),
        home,
        "- brand.logo: the SVG logo declares a DOCTYPE or entities",
    )
