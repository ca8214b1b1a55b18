"""pipeline.text.gate: what is refused, what is normalised, and that normalising is stable."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.text.gate import (
    REFUSED_PATTERN,
    BadCharacter,
    gate,
    normalize_invisible,
    passes_unchanged,
    refused_character,
)


@pytest.mark.parametrize(
    "char",
    [chr(c) for c in range(0x20) if c not in (9, 10)]
    + ["\x7f", "\x80", "\x85", "\x9f", "\ud800", "\ufdd0", "\ufffe", "\uffff", "\U0001fffe",
       "\u202a", "\u202e", "\u2066", "\u2069"],
)  # fmt: skip
def test_refused(char: str) -> None:
    with pytest.raises(BadCharacter) as caught:
        gate(f"ab{char}c")
    assert caught.value.index == 2 and caught.value.code == f"U+{ord(char):04X}"


@pytest.mark.parametrize(
    "typed, read",
    [
        ("Nguyễn\u00a0Văn\u202fAn", "Nguyễn Văn An"),
        ("Lò\u200bVăn\u2060Mạnh\ufeff", "LòVănMạnh"),
        ("chuyên\u00adviên", "chuyênviên"),
        ("dòng 1\u2028dòng 2\u2029dòng 3", "dòng 1\ndòng 2\ndòng 3"),
        ("e\u200b\u0301", "\u00e9"),  # the mark joins its letter once the space is gone
        ("tab\tand\nnew line", "tab\tand\nnew line"),
    ],
)
def test_normalised(typed: str, read: str) -> None:
    assert gate(typed) == read


@given(st.text())
def test_gate_output_is_clean_and_stable(text: str) -> None:
    try:
        out = gate(text)
    except BadCharacter as bad:
        if bad.stray_mark:  # a mark no letter took, in the text composed (gate's own work)
            assert normalize_invisible(text)[bad.index] == bad.char
            return
        assert refused_character(text) is not None and text[bad.index] == bad.char
        return
    assert refused_character(out) is None
    assert normalize_invisible(out) == out
    assert unicodedata.is_normalized("NFC", out) or not unicodedata.is_normalized("NFC", text)


def _first_refused(text: str) -> tuple[str, int] | None:
    """The reference answer: the full class of refused characters, searched as it stands."""
    match = re.search(REFUSED_PATTERN, text)
    return (match[0], match.start()) if match else None


@pytest.mark.parametrize(
    "text",
    [
        "Lò Văn Mạnh",
        "🎉 Khen thưởng",  # beyond U+FFFF, not refused
        "🎉 a\x07b",  # a refused character after one beyond U+FFFF
        "a🎉\U0001fffe🎉\U0010ffff",  # noncharacters of other planes, after an emoji
        "\U0001fffe\x07",
        "𝐀𝐁\u202e",
    ],
)
def test_refused_character_beyond_the_bmp(text: str) -> None:
    bad = refused_character(text)
    assert (None if bad is None else (bad.char, bad.index)) == _first_refused(text)


@given(st.text(alphabet=st.sampled_from("aé\x07\u202e\ufdd0🎉\U0001fffe\U0010ffff\U000efffe")))
def test_refused_character_is_the_full_class(text: str) -> None:
    bad = refused_character(text)
    assert (None if bad is None else (bad.char, bad.index)) == _first_refused(text)


# The blocks of combining marks: Combining Diacritical Marks, their Extended and Supplement
# blocks, those for Symbols, and the Half Marks.
_COMBINING_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@given(st.text() | st.text(st.sampled_from("aé\u0300\x07\u00a0\u200b\u2028🎉\U0001fffe\ufeff")))
def test_passes_unchanged_when_nothing_is_refused_or_normalised(text: str) -> None:
    # A combining mark may be one no letter takes once composed: such text goes through the gate.
    expected = (refused_character(text) is None and normalize_invisible(text) == text
                and _COMBINING_MARK.search(text) is None)  # fmt: skip
    assert passes_unchanged(text) == expected
