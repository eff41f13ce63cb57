"""The committed architecture docs are what `aicmo-arch docs` generates from the code."""

from aicmo_arch.application.use_cases.declaration import load_declaration
from aicmo_arch.application.use_cases.docs import rendered_docs, stale_docs
from aicmo_arch.bootstrap import bootstrap

from .planting import ROOT


def test_the_committed_docs_are_up_to_date():
    project = bootstrap(ROOT)

    assert stale_docs(project, load_declaration(project)) == [], "run `aicmo-arch docs` and commit"


def test_a_module_page_lists_ports_events_tables_and_dependencies():
    project = bootstrap(ROOT)
    page = rendered_docs(project, load_declaration(project))["docs/architecture/qc.md"]

    assert (
        "### QualityGate" in page
        and "`evaluate(self, pack: 'ContentPack', brief: 'Brief', *, key: 'str | None' = None) -> 'QcReport'`" in page
    )
    assert "- QcFailed" in page and "- QcPassed" in page
    assert "- `qc_findings`" in page and "- `qc_runs`" in page
    assert "[production](production.md)" in page
