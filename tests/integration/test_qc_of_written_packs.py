"""QC over packs the default writer really writes, stored and read back by production."""

from aicmo.orchestration.composition import bootstrap
from tests.briefs import example


def test_a_brand_with_an_emoji_written_exactly_is_never_called_misspelled(sqlite_settings):
    northwind = example("northwind")
    brief = northwind.model_copy(update={"brand": northwind.brand.model_copy(update={"name": "Zen🧘 Studio"})})

    with bootstrap(sqlite_settings, launch_durable=False) as app:
        record = app.onboarding.capture(brief, "zen-studio.yaml")
        pack = app.production.generate_pack(record, app.strategy.generate(record))
        report = app.qc.evaluate(pack, brief)

    assert sum("Zen🧘 Studio" in item.published_text for item in pack.items) > 10
    assert [f.message for f in report.findings if f.rule_id == "QC-BRAND-SPELLING"] == []
