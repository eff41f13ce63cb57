"""The committed architecture docs are what `aicmo arch docs` generates from the code."""

from aicmo.operator.arch.declaration import load
from aicmo.operator.arch.docs import render_docs

from .planting import ROOT


def test_the_committed_docs_are_up_to_date():
    stale = [
        str(relative)
        for relative, text in render_docs(load(ROOT)).items()
        if not (ROOT / relative).is_file() or (ROOT / relative).read_text(encoding="utf-8") != text
    ]

    assert stale == [], f"run `aicmo arch docs` and commit: {stale}"


def test_a_module_page_lists_ports_events_tables_and_dependencies():
    page = render_docs(load(ROOT))[__import__("pathlib").Path("docs/architecture/qc.md")]

    assert "### QualityGate" in page and "`evaluate(self, pack: 'ContentPack', brief: 'Brief', *, key: 'str | None' = None) -> 'QcReport'`" in page
    assert "- QcFailed" in page and "- QcPassed" in page
    assert "- `qc_findings`" in page and "- `qc_runs`" in page
    assert "[production](production.md)" in page
