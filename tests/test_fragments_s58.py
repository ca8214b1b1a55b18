"""A lead-in line's keep-with-next mark never changes what the light markup does (s58).

paragraph_runs puts KEEP_WITH_NEXT_MARK at the end of a line that leads in (":"): a star just
before it was taken for one opening italics, paired with a star on the next line, and ":*" then
"0*" printed ":" and "0" (found by test_fuzz_documents). What a body paragraph prints is held
here to what visible_paragraphs (the reader's view of the markup) says of the same text."""

from __future__ import annotations

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.render.fragments import (
    KEEP_WITH_NEXT_MARK,
    PARAGRAPH_MARK,
    STYLE_ITALIC,
    paragraph_runs,
    visible_paragraphs,
)

_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.S)
PIECES = st.sampled_from(
    ["a", "0", " ", "\n", " \n", "*", "**", "***", "\\*", ":", ":*", "*:", "như sau:", "_"]
)


def printed_paragraphs(text: str) -> list[str]:
    """The text of each paragraph paragraph_runs makes of `text`, as a reader sees it."""
    runs = "".join(html.unescape(found) for found in _TEXT.findall(paragraph_runs(text)))
    return runs.replace(KEEP_WITH_NEXT_MARK, "").split(PARAGRAPH_MARK)


def test_a_star_ending_a_lead_in_line_prints_as_typed() -> None:
    text = ":*\n0*"
    assert printed_paragraphs(text) == [":*", "0*"] == visible_paragraphs(text)
    assert STYLE_ITALIC not in paragraph_runs(text)
    assert KEEP_WITH_NEXT_MARK in paragraph_runs(text)  # still a lead-in line


def test_emphasis_within_a_lead_in_line_still_prints() -> None:
    runs = paragraph_runs("Gồm *các* nội dung sau:\n- Một.")
    assert STYLE_ITALIC in runs
    assert printed_paragraphs("Gồm *các* nội dung sau:\n- Một.") == [
        "Gồm các nội dung sau:", "- Một."
    ]


# Stripped, as the reader hands text on (pipeline.text.gate).
@given(st.lists(PIECES, max_size=12).map(lambda pieces: "".join(pieces).strip()))
@example(":*\n0*")
@example("a *b:*\nc*")
@settings(max_examples=400, deadline=None)
def test_body_paragraphs_print_what_the_markup_shows(text: str) -> None:
    if text:
        assert printed_paragraphs(text) == visible_paragraphs(text)
