"""What a rejection changed, as the operator reads it on the run page and after `aicmo reject`."""

from aicmo.orchestration.internal.revision_note import revision_note
from tests.unit.qc.packs import item


def test_the_template_writer_says_in_plain_words_what_it_reworded_and_how_to_get_the_change():
    items = [item("calendar_entry")] * 30 + [item("email", "email")] * 5 + [item("landing_page", None)]

    note = revision_note("Warmer please", items, applied=False)

    assert note.startswith('The template writer cannot follow a free-text comment ("Warmer please")')
    assert "reworded 30 calendar entries, 5 emails, 1 landing page instead." in note
    assert "edit those items, or edit the brief and start a new run, or set AICMO_WRITER to a model." in note
    assert "_" not in note.split(".")[0], "the kinds of content are named in words"


def test_a_writer_that_read_the_comment_counts_the_items_it_rewrote():
    assert revision_note("Mention the tasting", [item()], applied=True) == (
        '1 item rewritten with the comment "Mention the tasting"'
    )
