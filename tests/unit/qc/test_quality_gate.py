"""QC's use cases booted on a fake unit of work: verdicts, waivers, voids and short ids, no database."""

import datetime as dt

import pytest

from aicmo.kernel.errors import Conflict, InvalidInput, NotFound
from aicmo.qc.api import FindingId, QcRunId, Severity
from tests.unit.app import bootstrap_test_app
from tests.unit.qc.packs import BRIEF, CLEAN, DISCLAIMER, item, pack

FAULTY = f"Not cheap. Just good coffee. {DISCLAIMER}"


def test_a_clean_pack_passes_and_its_verdict_is_published_with_the_run():
    app = bootstrap_test_app()

    report = app.modules.qc.evaluate(pack(item()), BRIEF)

    assert report.passed and report.score == 100 and report.findings == []
    assert app.qc.published_types() == ["QcPassed"]
    assert app.modules.qc.get(report.run_id) == report


def test_a_blocker_fails_the_pack_and_the_failure_counts_it():
    app = bootstrap_test_app()

    report = app.modules.qc.evaluate(pack(item(body=FAULTY)), BRIEF)

    assert not report.passed and [f.rule_id for f in report.findings] == ["QC-BANNED-WORD"]
    [failed] = app.qc.published
    assert failed.event_type() == "QcFailed" and failed.blockers == 1


def test_the_verdict_says_an_open_blocker_fails_the_pack_whatever_its_score():
    app = bootstrap_test_app()
    low = app.modules.qc.evaluate(pack(item(body=FAULTY), item()), BRIEF)
    report = low.model_copy(update={"scores": {"social_post": 99}})

    waived = app.modules.qc.waive(low.findings[0].finding_id, "Client confirmed the wording", "ana")

    assert report.verdict() == "not passed: 1 blocker open — waive it with a reason or edit the item"
    assert low.verdict() == (
        "not passed: 1 blocker open — waive it with a reason or edit the item; social_post scores 72, needs 75"
    )
    assert waived.verdict() == "passed"


def test_the_same_key_returns_the_first_report_and_publishes_once():
    app = bootstrap_test_app()

    first = app.modules.qc.evaluate(pack(item(body=FAULTY)), BRIEF, key="run-1:qc")
    again = app.modules.qc.evaluate(pack(item()), BRIEF, key="run-1:qc")

    assert again == first
    assert app.qc.published_types() == ["QcFailed"]


def test_waiving_the_blocker_rescores_the_run_and_keeps_the_reason():
    app = bootstrap_test_app()
    report = app.modules.qc.evaluate(pack(item(body=FAULTY)), BRIEF)

    waived = app.modules.qc.waive(report.findings[0].finding_id, "  Client confirmed the wording  ", "ana")

    assert waived.passed and waived.score == 100
    assert waived.findings[0].waiver_reason == "Client confirmed the wording" and waived.findings[0].waived_by == "ana"
    assert app.modules.qc.get(report.run_id) == waived


def test_a_waiver_without_reason_or_finding_is_refused_and_changes_nothing():
    app = bootstrap_test_app()
    report = app.modules.qc.evaluate(pack(item(body=FAULTY)), BRIEF)

    with pytest.raises(InvalidInput, match="needs a reason"):
        app.modules.qc.waive(report.findings[0].finding_id, "   ", "ana")
    with pytest.raises(NotFound, match="no QC finding"):
        app.modules.qc.waive(FindingId.new(), "ok", "ana")

    assert app.modules.qc.get(report.run_id) == report


def test_a_reason_past_two_thousand_characters_is_refused_naming_the_field():
    app = bootstrap_test_app()
    report = app.modules.qc.evaluate(pack(item(body=FAULTY)), BRIEF)

    with pytest.raises(InvalidInput) as refused:
        app.modules.qc.waive(report.findings[0].finding_id, "x" * 2001, "ana")

    [problem] = refused.value.problems
    assert (problem.field, problem.message) == ("reason", "Keep it to 2,000 characters: this one has 2,001.")
    assert app.modules.qc.get(report.run_id) == report


def test_a_waived_finding_is_not_waived_again_and_keeps_who_waived_it_when_and_why():
    app = bootstrap_test_app()
    report = app.modules.qc.evaluate(pack(item(body=FAULTY)), BRIEF)
    waived = app.modules.qc.waive(report.findings[0].finding_id, "Client confirmed the wording", "ana")
    app.clock.advance(dt.timedelta(days=3))

    with pytest.raises(Conflict) as again:
        app.modules.qc.waive(report.findings[0].finding_id, "again", "bo")

    assert str(again.value) == "this finding was already waived by ana on 11 Jan 2027: Client confirmed the wording"
    assert app.modules.qc.get(report.run_id) == waived


def test_voiding_marks_the_run_once_and_ignores_unknown_runs():
    app = bootstrap_test_app()
    report = app.modules.qc.evaluate(pack(item()), BRIEF)

    app.modules.qc.void(report.run_id)
    app.modules.qc.void(report.run_id)
    app.modules.qc.void(QcRunId.new())

    assert app.modules.qc.get(report.run_id).voided
    assert app.qc.published_types() == ["QcPassed"]


def test_a_finding_is_named_by_its_short_id():
    app = bootstrap_test_app()
    report = app.modules.qc.evaluate(pack(item(body=FAULTY), item(position=1, cta="")), BRIEF)
    ids = [finding.finding_id for finding in report.findings]

    shorts = app.modules.qc.short_finding_ids(ids)

    assert all(len(short) >= 8 for short in shorts.values())
    assert [app.modules.qc.finding_id(shorts[finding_id]) for finding_id in ids] == ids
    with pytest.raises(NotFound, match="no finding id starts with"):
        app.modules.qc.finding_id("00000000-0000-f")  # a version-4 id has 4 there


def test_rechecking_an_edited_item_replaces_its_findings_rescores_and_leaves_the_others():
    app = bootstrap_test_app()
    faulty, other = item(body=FAULTY), item(position=1, cta="")
    report = app.modules.qc.evaluate(pack(faulty, other), BRIEF)
    edited = pack(faulty.model_copy(update={"fields": CLEAN}), other).model_copy(update={"pack_id": report.pack_id})

    rechecked = app.modules.qc.recheck_item(report.run_id, edited, BRIEF, faulty.item_id)

    assert [f.rule_id for f in report.findings if f.item_id == faulty.item_id] == ["QC-BANNED-WORD"]
    assert {f.item_id for f in rechecked.findings} == {other.item_id}
    assert rechecked.score > report.score and app.modules.qc.get(report.run_id) == rechecked


def test_rechecking_an_item_the_run_did_not_check_is_refused_and_changes_nothing():
    app = bootstrap_test_app()
    checked = pack(item(body=FAULTY))
    report = app.modules.qc.evaluate(checked, BRIEF)

    with pytest.raises(NotFound, match="was not checked by QC run"):
        app.modules.qc.recheck_item(report.run_id, checked, BRIEF, item().item_id)
    with pytest.raises(NotFound, match="no QC run"):
        app.modules.qc.recheck_item(QcRunId.new(), checked, BRIEF, checked.items[0].item_id)

    assert app.modules.qc.get(report.run_id) == report


def test_a_waiver_carries_over_to_the_next_report_while_its_item_keeps_its_wording():
    app = bootstrap_test_app()
    hook = "Bright cups, every morning."
    kept, rewritten = item(body=FAULTY), item(position=1, hook=hook, body=f"Not cheap. Never bland. {DISCLAIMER}")
    first = pack(kept, rewritten)
    report = app.modules.qc.evaluate(first, BRIEF)
    for finding in report.findings:
        app.modules.qc.waive(finding.finding_id, "Client confirmed the wording", "ana")
    new_wording = {**CLEAN, "hook": hook, "body": f"Not cheap. Simply fresh. {DISCLAIMER}"}
    revised = first.model_copy(
        update={"items": [kept, rewritten.model_copy(update={"fields": new_wording, "revision": 2})]}
    )

    again = app.modules.qc.evaluate(revised, BRIEF)

    assert {(f.item_id, f.rule_id, f.waived) for f in again.findings} == {
        (kept.item_id, "QC-BANNED-WORD", True),
        (rewritten.item_id, "QC-BANNED-WORD", False),
    }
    carried = next(f for f in again.findings if f.waived)
    assert (carried.waiver_reason, carried.waived_by) == ("Client confirmed the wording", "ana")
    assert again.count(Severity.BLOCKER) == 1


def test_a_waiver_given_after_an_edit_carries_over_with_the_edited_wording():
    app = bootstrap_test_app()
    edited_item = item(body=FAULTY)
    report = app.modules.qc.evaluate(pack(edited_item), BRIEF)
    edited = pack(edited_item.model_copy(update={"fields": {**CLEAN, "body": f"{FAULTY} Edited."}}))
    edited = edited.model_copy(update={"pack_id": report.pack_id})
    [finding] = app.modules.qc.recheck_item(report.run_id, edited, BRIEF, edited_item.item_id).findings
    app.modules.qc.waive(finding.finding_id, "Client confirmed the wording", "ana")

    again = app.modules.qc.evaluate(edited, BRIEF)

    assert again.passed and [f.waived for f in again.findings] == [True]
