"""The writers' marks ("- ", "## ", blank lines) read as the blocks a client document lays out."""

from aicmo.delivery.internal.renderers.blocks import Block, blocks_of, is_inline


def test_a_blog_outline_becomes_subheadings_each_with_its_points():
    outline = "## Why it hurts\n- Sitting all day\n- Big classes\n\n## Where to start\n- First class free"

    assert blocks_of(outline) == [
        Block("heading", ["Why it hurts"]),
        Block("bullets", ["Sitting all day", "Big classes"]),
        Block("heading", ["Where to start"]),
        Block("bullets", ["First class free"]),
    ]


def test_questions_and_answers_stay_paired_and_a_blank_line_starts_a_new_paragraph():
    faq = 'Q: "I\'m not flexible enough."\nA: Everyone starts somewhere.\n\nQ: How do I start?\nA: Book a class.'

    assert blocks_of(faq) == [
        Block("paragraph", ['Q: "I\'m not flexible enough."', "A: Everyone starts somewhere."]),
        Block("paragraph", ["Q: How do I start?", "A: Book a class."]),
    ]


def test_a_line_of_text_reads_inline_and_a_list_or_two_paragraphs_do_not():
    assert is_inline(blocks_of("Book now at Zen🧘 Studio."))
    assert not is_inline(blocks_of("- Rated 4.9\n- Small classes"))
    assert not is_inline(blocks_of("Hello.\n\nConsult your doctor."))
    assert blocks_of("#YogaStudio #Portland - no marks") == [Block("paragraph", ["#YogaStudio #Portland - no marks"])]
