"""paragraph_runs splits a text into lines once (s38): the lines it cuts, to mark those that
lead in, are handed on as they are, not split again by styled_runs. Held here to what the
split-again path makes of the same lines, so that a change to either split shows."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.render.fragments import KEEP_WITH_NEXT_MARK, paragraph_runs, styled_runs
from pipeline.text.lead_in import leads_in

# Blanks of every kind around new lines, blank lines, markup, and lines that lead in.
PIECES = st.sampled_from(
    ["a", "Đ", " ", "\t", "\r", "\u00a0", "\n", "\n\n", " \n ", "*", "**", "\\*", ":",
     "Gồm các nội dung sau:", "như sau:", "x"]  # fmt: skip
)


def split_again(text: str) -> str:
    """What paragraph_runs printed when styled_runs split its lines a second time."""
    lines = re.split(r"\s*\n\s*", text.strip())
    marked = [line + KEEP_WITH_NEXT_MARK if leads_in(line) else line for line in lines[:-1]]
    return styled_runs("\n".join([*marked, lines[-1]]), paragraphs=True)


@given(st.lists(PIECES, max_size=14).map("".join))
@settings(max_examples=300, deadline=None)
def test_lines_split_once_print_as_split_twice(text: str) -> None:
    if "\n" in text:
        assert paragraph_runs(text) == split_again(text)


def test_a_lead_in_line_and_blank_lines_between_paragraphs() -> None:
    text = "  Gồm các nội dung sau: \n\n \t- **Một**;\r\n- *Hai*.  "
    assert paragraph_runs(text) == split_again(text)
    assert KEEP_WITH_NEXT_MARK in paragraph_runs(text)
