"""Every output format of a delivered package, opened with the library a client would use."""

import csv
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from icalendar import Calendar
from pptx import Presentation
from pypdf import PdfReader

from PIL import Image

from aicmo.delivery.api import PackageRequest
from aicmo.onboarding.api import BrandLogo
from aicmo.qc.api import Finding, FindingId, QcReport, Severity
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.csv_files import safe_cell
from aicmo.platform.settings import Settings
from tests.briefs import example


AGENCY = "Brightside Agency"


def png_logo() -> BrandLogo:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), "#7C3AED").save(buffer, format="PNG")
    return BrandLogo(file_name="logo.png", content=buffer.getvalue())


def briefs():
    """The bundled briefs (the studio has an emoji in its name), and Ledgerly with a PNG logo instead of its SVG one."""
    ledgerly = example("ledgerly")
    with_png = ledgerly.model_copy(
        update={"brand": ledgerly.brand.model_copy(update={"name": "Ledgerly PNG", "logo": png_logo()})}
    )
    return {name: example(name) for name in ("sao-bento-bakery", "ledgerly", "minimal", "zen-studio")} | {
        "ledgerly-png": with_png
    }


def with_findings(qc: QcReport, pack) -> QcReport:  # noqa: ANN001 - a ContentPack
    """The report as QC would give it after flagging one item and an operator waiving another finding."""
    flagged = Finding(
        finding_id=FindingId.new(),
        rule_id="QC-CLICHE",
        severity=Severity.MINOR,
        item_id=pack.items[0].item_id,
        message="Replace the cliché.",
    )
    waived = Finding(
        finding_id=FindingId.new(),
        rule_id="QC-READABILITY",
        severity=Severity.MINOR,
        item_id=None,
        message="Shorten the sentences.",
        waived=True,
        waiver_reason="the client's style",
        waived_by="ops@agency.example",
    )
    return qc.model_copy(update={"findings": [*qc.findings, flagged, waived]})


@pytest.fixture(scope="module")
def delivered(tmp_path_factory):
    home = tmp_path_factory.mktemp("formats")
    packages = {}
    with bootstrap(Settings(home=home, agency_name=AGENCY), launch_durable=False) as app:
        for name, brief in briefs().items():
            record = app.onboarding.capture(brief, name)
            strategy = app.strategy.generate(record)
            pack = app.production.generate_pack(record, strategy)
            qc = app.qc.evaluate(pack, brief)
            request = PackageRequest(
                run_key=f"run-{name}",
                folder=str(home / name),
                brief=record,
                strategy=strategy,
                pack=pack,
                qc=with_findings(qc, pack) if name == "ledgerly" else qc,
            )
            first = app.delivery.build(request)
            again = app.delivery.build(request)
            packages[name] = (request, first, again)
    return packages


def files(delivered, name) -> dict[str, Path]:
    return {Path(a.path).name: Path(a.path) for a in delivered[name][1].artifacts}


def test_only_the_formats_the_brief_asks_for_are_rendered(delivered):
    always = {"qc-report.md", "manifest.json", "package.zip"}
    assert (
        set(files(delivered, "sao-bento-bakery"))
        == {"plan.pdf", "plan.docx", "plan.md", "calendar.ics", "schedule.csv"} | always
    )
    assert set(files(delivered, "minimal")) == {"plan.md"} | always
    assert "strategy.pptx" in files(delivered, "ledgerly")


def test_building_the_same_run_twice_delivers_once(delivered):
    _, first, again = delivered["ledgerly"]

    assert again == first


def test_the_pdf_has_cover_contents_and_renders_accented_names(delivered):
    reader = PdfReader(files(delivered, "sao-bento-bakery")["plan.pdf"])
    text = "\n".join(page.extract_text() for page in reader.pages)

    assert "Padaria São Bento" in reader.pages[0].extract_text()
    assert "Contents" in reader.pages[1].extract_text()
    for expected in ("Müller-Sousa", "pastéis de nata", "KPIs", "Budget split", "30-day content calendar"):
        assert expected in text


def test_the_docx_opens_with_every_section(delivered):
    document = Document(files(delivered, "ledgerly")["plan.docx"])
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading") or p.style.name == "Title"]

    assert headings[0] == "Ledgerly"
    assert "Quality report" not in headings
    for heading in ("Strategy", "Market truth", "KPIs", "30-day content calendar", "Email sequence", "Landing page"):
        assert heading in headings
    assert len(document.tables) >= 4


def test_the_pptx_has_a_slide_per_layer_plus_kpis_and_channels(delivered):
    slides = Presentation(files(delivered, "ledgerly")["strategy.pptx"]).slides
    titles = [slide.shapes.title.text for slide in slides]

    assert len(slides) == 1 + 8 + 2
    assert (
        Presentation(files(delivered, "ledgerly")["strategy.pptx"]).slide_width
        > Presentation(files(delivered, "ledgerly")["strategy.pptx"]).slide_height * 1.7
    )
    assert titles[0] == "Ledgerly" and titles[-2:] == ["KPIs", "Channels and budget"]


def test_the_calendar_is_one_event_per_entry_in_the_briefs_time_zone(delivered):
    calendar = Calendar.from_ical(files(delivered, "sao-bento-bakery")["calendar.ics"].read_bytes())
    events = calendar.walk("VEVENT")

    assert len(events) == 30
    starts = sorted(e.decoded("dtstart") for e in events)
    assert starts[0].tzinfo == ZoneInfo("America/New_York") and str(starts[0].date()) == "2027-03-01"
    assert len({e["uid"] for e in events}) == 30


@pytest.mark.parametrize("name, zone", [("sao-bento-bakery", "America/New_York"), ("ledgerly", "Europe/Berlin")])
def test_the_calendar_carries_the_vtimezone_of_the_briefs_zone(delivered, name, zone):
    calendar = Calendar.from_ical(files(delivered, name)["calendar.ics"].read_bytes())

    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == [zone] and calendar["x-wr-timezone"] == zone
    assert {str(e["dtstart"].params["TZID"]) for e in calendar.walk("VEVENT")} == {zone}


def test_the_csv_has_the_scheduler_columns_and_no_formula_cells(delivered):
    rows = list(csv.reader(io.StringIO(files(delivered, "ledgerly")["schedule.csv"].read_text(encoding="utf-8"))))

    assert rows[0] == ["Date", "Time", "Platform", "Text", "Link", "Hashtags"]
    assert len(rows) == 31
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+1 555", "-2", "@SUM(A1)"])
def test_formula_like_cells_are_neutralised(value):
    assert safe_cell(value) == "'" + value


def test_the_zip_holds_the_client_documents_only_and_the_manifest_checks_them(delivered):
    folder = files(delivered, "sao-bento-bakery")
    manifest = json.loads(folder["manifest.json"].read_text())
    archive = zipfile.ZipFile(folder["package.zip"])

    listed = {entry["name"]: entry for entry in manifest["files"]}
    assert set(archive.namelist()) == {"plan.pdf", "plan.docx", "plan.md", "calendar.ics", "schedule.csv"}
    assert set(listed) == set(archive.namelist()) | {"qc-report.md"}
    assert listed["qc-report.md"]["media_type"] == "text/markdown"
    assert {"qc-report.md", "manifest.json"} <= set(folder)
    for name in archive.namelist():
        content = archive.read(name)
        assert hashlib.sha256(content).hexdigest() == listed[name]["sha256"] and len(content) == listed[name]["bytes"]
    assert listed["plan.pdf"]["media_type"] == "application/pdf"
    assert manifest["lineage"]["brief_version"] == 1 and manifest["qc"]["findings"].keys() == {
        "BLOCKER",
        "MAJOR",
        "MINOR",
    }


def pdf_text_and_metadata(path: Path) -> str:
    reader = PdfReader(path)
    return (
        "\n".join(page.extract_text() for page in reader.pages)
        + "\n"
        + "\n".join(str(v) for v in reader.metadata.values())
    )


def office_text(path: Path) -> str:
    """Every XML part of a .docx or .pptx: the text, the styles and the document properties."""
    archive = zipfile.ZipFile(path)
    return "\n".join(
        archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith((".xml", ".rels"))
    )


def client_documents(delivered, name) -> dict[str, str]:
    found = files(delivered, name)
    texts = {"plan.pdf": pdf_text_and_metadata(found["plan.pdf"])} if "plan.pdf" in found else {}
    return texts | {doc: office_text(found[doc]) for doc in ("plan.docx", "strategy.pptx") if doc in found}


@pytest.mark.parametrize("name", ["sao-bento-bakery", "ledgerly"])
def test_client_documents_carry_nothing_internal_to_the_agency(delivered, name):
    request = delivered[name][0]
    internal = {
        "QC",
        "Quality report",
        "brief v",
        "python-docx",
        "python-pptx",
        "Steve Canny",
        str(request.brief.version_id),
        str(request.qc.run_id),
    }
    internal |= {finding.rule_id for finding in request.qc.findings} | {
        finding.message for finding in request.qc.findings
    }

    for document, text in client_documents(delivered, name).items():
        assert [word for word in internal if word in text] == [], document
        assert not re.search(r"\b(?:brief|strategy) v\d|\bv\d+\b", text), document


def test_the_qc_report_and_lineage_are_their_own_file(delivered):
    request = delivered["ledgerly"][0]
    report = files(delivered, "ledgerly")["qc-report.md"].read_text(encoding="utf-8")

    assert report.startswith("# Quality report — Ledgerly")
    assert f"Score **{request.qc.score}/100**" in report
    assert f"Brief version {request.brief.version} (`{request.brief.version_id}`" in report
    assert f"Strategy version {request.strategy.version}" in report
    assert request.qc.findings
    for finding in request.qc.findings:
        assert f"`{finding.rule_id}`" in report and finding.message in report
    assert "waived by ops@agency.example: the client's style" in report


@pytest.mark.parametrize("name", ["sao-bento-bakery", "ledgerly"])
def test_the_agency_is_the_author_of_every_client_document(delivered, name):
    found = files(delivered, name)

    assert PdfReader(found["plan.pdf"]).metadata.author == AGENCY
    assert Document(found["plan.docx"]).core_properties.author == AGENCY
    assert (
        Document(found["plan.docx"]).core_properties.title == f"{delivered[name][0].brief.client_name} — Marketing plan"
    )
    if "strategy.pptx" in found:
        assert Presentation(found["strategy.pptx"]).core_properties.author == AGENCY


def pdf_fill_colours(path: Path) -> set[str]:
    colours = set()
    for page in PdfReader(path).pages:
        for r, g, b in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:scn|sc|rg)\b", page.get_contents().get_data()):
            colours.add("#" + "".join(f"{round(float(c) * 255):02X}" for c in (r, g, b)))
    return colours


def test_the_brand_colours_dress_every_client_document(delivered):
    found = files(delivered, "ledgerly")
    primary, accent = "#0F766E", "#F59E0B"

    assert {primary, accent} <= pdf_fill_colours(found["plan.pdf"])
    for document in ("plan.docx", "strategy.pptx"):
        assert primary[1:] in office_text(found[document]) and accent[1:] in office_text(found[document]), document
    assert "New Computer Modern" in office_text(found["plan.docx"]) and "New Computer Modern" in office_text(
        found["strategy.pptx"]
    )


def test_without_branding_the_documents_get_the_house_style(delivered):
    found = files(delivered, "sao-bento-bakery")

    assert "#1F3A5F" in pdf_fill_colours(found["plan.pdf"])
    assert "1F3A5F" in office_text(found["plan.docx"])


@pytest.mark.parametrize("name", ["ledgerly", "ledgerly-png"])
def test_the_logo_is_embedded_in_every_client_document(delivered, name):
    found = files(delivered, name)

    for document in ("plan.docx", "strategy.pptx"):
        media = [n for n in zipfile.ZipFile(found[document]).namelist() if "/media/" in n]
        assert media, document
    cover = PdfReader(found["plan.pdf"]).pages[0]
    if name == "ledgerly-png":
        assert [image.image.size for image in cover.images] == [(120, 40)]
    else:
        assert "#0F172A" in pdf_fill_colours(found["plan.pdf"])  # the SVG's wordmark colour, drawn as vectors


def test_the_plan_lists_each_posts_local_time_and_the_agencys_report_what_a_thin_brief_lacks(delivered):
    thin = files(delivered, "minimal")["plan.md"].read_text(encoding="utf-8")
    thin_report = files(delivered, "minimal")["qc-report.md"].read_text(encoding="utf-8")
    rich = files(delivered, "ledgerly")["plan.md"].read_text(encoding="utf-8")
    rich_report = files(delivered, "ledgerly")["qc-report.md"].read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(files(delivered, "ledgerly")["schedule.csv"].read_text(encoding="utf-8"))))[1:]

    assert "| Time (UTC, default: set plan.timezone) |" in thin and "| Time (Europe/Berlin) |" in rich
    assert "What would make this plan and copy stronger" in thin_report and "- Stronger with proof:" in thin_report
    assert "Stronger with proof" not in rich_report
    assert "offer.proof" not in thin and thin.count("Stronger with proof") == 1
    assert all("07:00" <= row[1] <= "21:00" for row in rows)


def pdf_font_names(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_a_brand_with_an_emoji_prints_as_written_in_every_client_document(delivered):
    found = files(delivered, "zen-studio")
    brand = "Zen🧘 Studio"
    cover = PdfReader(found["plan.pdf"]).pages[0].extract_text()
    document = Document(found["plan.docx"])
    deck = Presentation(found["strategy.pptx"])

    assert brand in cover
    assert any("NotoEmoji" in name for name in pdf_font_names(found["plan.pdf"]))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [brand]
    assert document.core_properties.title == f"{brand} — Marketing plan"
    assert deck.slides[0].shapes.title.text == brand and deck.core_properties.title == f"{brand} — Marketing plan"


MARKS = re.compile(r"^\s*(?:[-*] |#{1,6} )", re.M)


def test_lists_and_subheadings_in_the_copy_are_laid_out_not_printed_as_marks(delivered):
    found = files(delivered, "zen-studio")
    pdf = "\n".join(page.extract_text() for page in PdfReader(found["plan.pdf"]).pages)
    document = Document(found["plan.docx"])
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    markdown = found["plan.md"].read_text(encoding="utf-8")

    assert MARKS.findall(pdf) == [] and "## " not in pdf
    assert "Rated 4.9 from 310 Google reviews" in pdf and "Why back pain from sitting all day keeps happening" in pdf
    assert [p.text for p in document.paragraphs if MARKS.match(p.text)] == []
    assert "Rated 4.9 from 310 Google reviews" in bullets
    assert "Why back pain from sitting all day keeps happening" in subheadings
    assert "#### Why back pain from sitting all day keeps happening" in markdown
    assert "\n## Why back pain" not in markdown


def test_a_single_deliverable_without_a_platform_gets_no_numbered_heading_of_its_own(delivered):
    markdown = files(delivered, "zen-studio")["plan.md"].read_text(encoding="utf-8")

    assert "## Landing page\n\n**Hero:**" in markdown
    assert "### 1.\n" not in markdown and "**FAQ:**" in markdown


def test_the_calendar_overview_shows_links_as_a_reader_says_them(delivered):
    markdown = files(delivered, "zen-studio")["plan.md"].read_text(encoding="utf-8")
    calendar = markdown.split("## 30-day content calendar")[1].split("\n## ")[0]

    assert "zenstudio.example.com" in calendar and "utm_" not in calendar


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory):
    """The studio's package built where AICMO_AGENCY_NAME is not set."""
    home = tmp_path_factory.mktemp("unsigned")
    brief = briefs()["zen-studio"]
    with bootstrap(Settings(home=home), launch_durable=False) as app:
        record = app.onboarding.capture(brief, "zen")
        strategy = app.strategy.generate(record)
        pack = app.production.generate_pack(record, strategy)
        qc = app.qc.evaluate(pack, brief)
        folder = str(home / "zen")
        request = PackageRequest(
            run_key="run-unsigned", folder=folder, brief=record, strategy=strategy, pack=pack, qc=qc
        )
        package = app.delivery.build(request)
    return {Path(a.path).name: Path(a.path) for a in package.artifacts}


def test_without_an_agency_name_no_document_claims_to_be_prepared_by_anyone(unsigned):
    texts = {"plan.pdf": pdf_text_and_metadata(unsigned["plan.pdf"])} | {
        doc: office_text(unsigned[doc]) for doc in ("plan.docx", "strategy.pptx")
    }

    for document, text in texts.items():
        assert "Prepared by" not in text and "AICMO" not in text, document
    assert not PdfReader(unsigned["plan.pdf"]).metadata.author
    assert Document(unsigned["plan.docx"]).core_properties.author == ""
    assert Presentation(unsigned["strategy.pptx"]).core_properties.author == ""


def test_with_an_agency_name_every_document_says_who_prepared_it(delivered):
    found = files(delivered, "zen-studio")

    assert f"Prepared by {AGENCY}" in PdfReader(found["plan.pdf"]).pages[0].extract_text()
    assert f"Prepared by {AGENCY}" in [p.text for p in Document(found["plan.docx"]).paragraphs]
    assert f"Prepared by {AGENCY}" in office_text(found["strategy.pptx"])
