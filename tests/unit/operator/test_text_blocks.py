"""The client reads Markdown copy as headings, paragraphs and lists, each kept as text."""

from aicmo.operator.web.portal.text_blocks import Block, text_blocks


def test_headings_lists_and_paragraphs_are_read_as_blocks_without_their_marks():
    copy = (
        "## Where you want to be\nMornings that start well.\nEvery week.\n\n"
        "- Fresh beans\n- Free delivery ##\n\nQ: <b>Why?</b>"
    )

    assert text_blocks(copy) == [
        Block("heading", ("Where you want to be",)),
        Block("paragraph", ("Mornings that start well.", "Every week.")),
        Block("list", ("Fresh beans", "Free delivery ##")),
        Block("paragraph", ("Q: <b>Why?</b>",)),
    ]


def test_text_without_marks_is_one_paragraph_and_blank_text_is_nothing():
    assert text_blocks("Just words #1") == [Block("paragraph", ("Just words #1",))]
    assert text_blocks("  \n\n") == []
