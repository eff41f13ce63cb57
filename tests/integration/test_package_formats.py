"""Every output format of a delivered package, opened with the library a client would use."""

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from icalendar import Calendar
from pptx import Presentation
from pypdf import PdfReader

from aicmo.delivery.api import PackageRequest
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.csv_files import safe_cell
from aicmo.platform.settings import Settings
from tests.briefs import example


@pytest.fixture(scope="module")
def delivered(tmp_path_factory):
    home = tmp_path_factory.mktemp("formats")
    packages = {}
    with bootstrap(Settings(home=home), launch_durable=False) as app:
        for name in ("sao-bento-bakery", "ledgerly", "minimal"):
            brief = example(name)
            record = app.onboarding.capture(brief, name)
            strategy = app.strategy.generate(record)
            pack = app.production.generate_pack(record, strategy)
            request = PackageRequest(
                run_key=f"run-{name}", folder=str(home / name), brief=record, strategy=strategy, pack=pack, qc=app.qc.evaluate(pack, brief)
            )
            first = app.delivery.build(request)
            again = app.delivery.build(request)
            packages[name] = (request, first, again)
    return packages


def files(delivered, name) -> dict[str, Path]:
    return {Path(a.path).name: Path(a.path) for a in delivered[name][1].artifacts}


def test_only_the_formats_the_brief_asks_for_are_rendered(delivered):
    assert set(files(delivered, "sao-bento-bakery")) == {"plan.pdf", "plan.docx", "plan.md", "calendar.ics", "schedule.csv", "manifest.json", "package.zip"}
    assert set(files(delivered, "minimal")) == {"plan.md", "manifest.json", "package.zip"}
    assert "strategy.pptx" in files(delivered, "ledgerly")


def test_building_the_same_run_twice_delivers_once(delivered):
    _, first, again = delivered["ledgerly"]

    assert again == first


def test_the_pdf_has_cover_contents_and_renders_accented_names(delivered):
    reader = PdfReader(files(delivered, "sao-bento-bakery")["plan.pdf"])
    text = "\n".join(page.extract_text() for page in reader.pages)

    assert reader.pages[0].extract_text().startswith("Padaria São Bento")
    assert "Contents" in reader.pages[1].extract_text()
    for expected in ("Müller-Sousa", "pastéis de nata", "KPIs", "Budget split", "30-day content calendar", "Quality report"):
        assert expected in text


def test_the_docx_opens_with_every_section(delivered):
    document = Document(files(delivered, "ledgerly")["plan.docx"])
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading") or p.style.name == "Title"]

    assert headings[0] == "Ledgerly"
    for heading in ("Strategy", "Market truth", "KPIs", "30-day content calendar", "Email sequence", "Landing page"):
        assert heading in headings
    assert len(document.tables) >= 4


def test_the_pptx_has_a_slide_per_layer_plus_kpis_and_channels(delivered):
    slides = Presentation(files(delivered, "ledgerly")["strategy.pptx"]).slides
    titles = [slide.shapes.title.text for slide in slides]

    assert len(slides) == 1 + 8 + 2
    assert titles[0] == "Ledgerly" and titles[-2:] == ["KPIs", "Channels and budget"]


def test_the_calendar_is_one_event_per_entry_in_the_briefs_time_zone(delivered):
    calendar = Calendar.from_ical(files(delivered, "sao-bento-bakery")["calendar.ics"].read_bytes())
    events = calendar.walk("VEVENT")

    assert len(events) == 30
    starts = sorted(e.decoded("dtstart") for e in events)
    assert starts[0].tzinfo == ZoneInfo("America/New_York") and str(starts[0].date()) == "2027-03-01"
    assert len({e["uid"] for e in events}) == 30


def test_the_csv_has_the_scheduler_columns_and_no_formula_cells(delivered):
    rows = list(csv.reader(io.StringIO(files(delivered, "ledgerly")["schedule.csv"].read_text(encoding="utf-8"))))

    assert rows[0] == ["Date", "Time", "Platform", "Text", "Link", "Hashtags"]
    assert len(rows) == 31
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.parametrize("value", ["=HYPERLINK(\"x\")", "+1 555", "-2", "@SUM(A1)"])
def test_formula_like_cells_are_neutralised(value):
    assert safe_cell(value) == "'" + value


def test_the_zip_holds_every_file_and_the_manifest_checks_out(delivered):
    folder = files(delivered, "sao-bento-bakery")
    manifest = json.loads(folder["manifest.json"].read_text())
    archive = zipfile.ZipFile(folder["package.zip"])

    listed = {entry["name"]: entry for entry in manifest["files"]}
    assert set(archive.namelist()) == set(listed) | {"manifest.json"}
    for name, entry in listed.items():
        content = archive.read(name)
        assert hashlib.sha256(content).hexdigest() == entry["sha256"] and len(content) == entry["bytes"]
    assert listed["plan.pdf"]["media_type"] == "application/pdf"
    assert manifest["lineage"]["brief_version"] == 1 and manifest["qc"]["findings"].keys() == {"BLOCKER", "MAJOR", "MINOR"}


def test_the_plan_lists_each_posts_local_time_and_what_a_thin_brief_lacks(delivered):
    thin = files(delivered, "minimal")["plan.md"].read_text(encoding="utf-8")
    rich = files(delivered, "ledgerly")["plan.md"].read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(files(delivered, "ledgerly")["schedule.csv"].read_text(encoding="utf-8"))))[1:]

    assert "| Time (UTC, default: set plan.timezone) |" in thin and "| Time (Europe/Berlin) |" in rich
    assert "What would make this copy stronger" in thin and "- offer.proof:" in thin
    assert "What would make this copy stronger" not in rich
    assert all("07:00" <= row[1] <= "21:00" for row in rows)
