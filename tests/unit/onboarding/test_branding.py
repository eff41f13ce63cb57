"""brand.colors, brand.logo and brand.font: normalised at intake, kept with the brief version."""

import base64

import pytest
import typst
import yaml

from aicmo.kernel.errors import InvalidInput
from aicmo.onboarding.api import BrandFont, Brief
from aicmo.onboarding.internal.brief_reader import read_brief
from aicmo.onboarding.internal.records import brief_checksum
from aicmo.operator.cli.brief_folder import BriefFolder
from tests.briefs import BRIEFS


def branded(tmp_path, **brand) -> Brief:
    document = yaml.safe_load((BRIEFS / "northwind.yaml").read_text())
    document["brand"].update(brand)
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    return read_brief(path.read_bytes(), path.name, BriefFolder(path))


def test_colours_are_normalised_to_upper_case_six_digit_hex(tmp_path):
    brief = branded(tmp_path, colors={"primary": "#0f766e", "accent": "fa0"})

    assert (brief.brand.colors.primary, brief.brand.colors.accent) == ("#0F766E", "#FFAA00")


def test_the_font_is_matched_whatever_its_case(tmp_path):
    assert branded(tmp_path, font="new  computer modern").brand.font is BrandFont.NEW_COMPUTER_MODERN


def test_every_brand_font_is_one_typst_embeds():
    embedded = set(typst.Fonts(include_system_fonts=False).families())

    assert {font.value for font in BrandFont} == {family for family in embedded if not family.endswith(" Math")}


def test_the_logo_is_read_beside_the_brief_and_survives_storage(tmp_path):
    logo = (BRIEFS / "ledgerly-logo.svg").read_bytes()
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "logo.svg").write_bytes(logo)

    brief = branded(tmp_path, logo="art/logo.svg")
    stored = Brief.model_validate(brief.model_dump(mode="json"))

    assert (brief.brand.logo.file_name, brief.brand.logo.media_type, brief.brand.logo.content) == (
        "logo.svg",
        "image/svg+xml",
        logo,
    )
    assert stored == brief and brief_checksum(stored) == brief_checksum(brief)


def test_an_uploaded_brief_carries_its_logo_inside_and_is_told_how_when_it_names_a_file():
    """An upload has no folder to read a logo path from: the advice shows how to embed the file."""
    logo = (BRIEFS / "ledgerly-logo.svg").read_bytes()
    document = yaml.safe_load((BRIEFS / "northwind.yaml").read_text())
    document["brand"]["logo"] = {"file_name": "logo.svg", "content": base64.b64encode(logo).decode()}
    named = {**document, "brand": {**document["brand"], "logo": "logo.svg"}}

    brief = read_brief(yaml.safe_dump(document).encode(), "upload.yaml")
    with pytest.raises(InvalidInput) as caught:
        read_brief(yaml.safe_dump(named).encode(), "upload.yaml")

    assert (brief.brand.logo.media_type, brief.brand.logo.content) == ("image/svg+xml", logo)
    [problem] = caught.value.problems
    assert problem.field == "brand.logo" and "content: <the file in base64>" in problem.message


def test_a_brief_without_branding_stores_and_reads_back_unchanged():
    brief = read_brief((BRIEFS / "northwind.yaml").read_bytes(), "northwind.yaml")

    assert Brief.model_validate(brief.model_dump(mode="json")) == brief


def problems_with_logo(tmp_path, svg: str) -> str:
    (tmp_path / "logo.svg").write_text(svg)
    with pytest.raises(InvalidInput) as caught:
        branded(tmp_path, logo="logo.svg")
    return "\n".join(str(problem) for problem in caught.value.problems)


def test_an_svg_logo_that_links_outside_itself_is_refused(tmp_path):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<image href="http://example.com/x.png" width="10" height="10"/></svg>'
    )

    assert problems_with_logo(tmp_path, svg) == (
        "brand.logo: the SVG logo links to 'http://example.com/x.png'"
        " — embed that image in the SVG or export the logo as PNG"
    )


@pytest.mark.parametrize("size", ['width="0" height="10"', 'viewBox="0 0 10 0"', 'width="wide"'])
def test_an_svg_logo_of_no_size_is_refused(tmp_path, size):
    problems = problems_with_logo(tmp_path, f'<svg xmlns="http://www.w3.org/2000/svg" {size}></svg>')

    assert (
        problems.startswith("brand.logo: the SVG logo has an invalid size")
        and "export it with a positive width, height and viewBox" in problems
    )


def test_an_svg_logo_with_its_own_embedded_image_and_units_is_accepted(tmp_path):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="40mm" height="1.5e1mm">'
        '<image href="data:image/png;base64,AAAA"/><use href="#a"/></svg>'
    )
    (tmp_path / "logo.svg").write_text(svg)

    assert branded(tmp_path, logo="logo.svg").brand.logo.media_type == "image/svg+xml"
