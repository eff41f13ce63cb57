"""The run page names steps and fields in words an agency reads."""

from aicmo.operator.web.console.labels import LABELS

step_label, field_label = LABELS["step_label"], LABELS["field_label"]


def test_known_steps_read_as_what_happened_and_unknown_ones_in_plain_words():
    assert step_label("evaluate_qc") == "Quality checked"
    assert step_label("send_invoice") == "Send invoice"


def test_fields_the_client_sees_read_as_on_the_portal_and_the_agencys_own_are_marked():
    assert (field_label("cta"), field_label("faq"), field_label("subject_line")) == (
        "Call to action",
        "FAQ",
        "Subject line",
    )
    assert field_label("pillar") == "Pillar (not published)"
    assert field_label("format_note") == "Format note (not published)"
