"""pipeline.load.lists' index of the list files a workspace's documents name: what it finds in a
file by folding only the lines a danh_sach line may stand on is what folding the whole file and
searching it finds."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.load.lists import _FOLDED_INTO_LETTERS, _folded, _names_in, _names_listed

LETTERS = "danhsc_"


def test_the_characters_folded_into_letters_are_all_there_are() -> None:
    """Every character whose NFC casefolded holds a letter of "danh_sach", but for those
    letters in either case, is one _names_in folds the whole file for (and only those)."""
    found = set()
    for code in range(0x110000):
        char = chr(code)
        if char in LETTERS or char in LETTERS.upper():
            continue
        if set(LETTERS) & set(unicodedata.normalize("NFC", char).casefold()):
            found.add(char)
    assert found == set(_FOLDED_INTO_LETTERS)


# Pieces of a data file's bytes: the key in its cases, its parts, colons, the ways of spacing
# and breaking lines (\s crosses them), quotes and what ends a name, letters folding changes
# (capitals, ſ and ß, combining marks, Vietnamese), and bytes no UTF-8 decodes.
PIECES = st.sampled_from(
    [b"danh_sach", b"DANH_SACH", b"Danh_Sach", b"danh_", b"sach", b"danh", b"_sach", b":", b": ",
     b" ", b"  ", b"\t", b"\n", b"\r\n", b"\n\n", "\u00a0".encode(), "\u2000".encode(), b'"', b"'",
     b",", b"}", b"#", b"{", b"ds-khen.xlsx", b"DS.XLSX", b"a/b\\c.xlsx", "\u017f".encode(),
     "\u00df".encode(), "a\u0301".encode(), "h\u0331".encode(), "Danh sách khen".encode(),
     "ẞ".encode(), b"\xff", b"\xe1\x80", b"du_thao: x.yaml", b"khen_thuong:\n  ", b"danh_sach\n",
     b"\n  :", b":\n", b"\n  ds.xlsx", "\u0301".encode(), "\u212a\u0130".encode()]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=24).map(b"".join))
def test_names_found_folding_some_lines_are_those_of_the_whole_file(raw: bytes) -> None:
    text = raw.decode("utf-8", "replace")
    assert _names_in(raw, text) == _names_listed(_folded(text))


def test_a_colon_and_a_name_on_lines_of_their_own_are_found() -> None:
    raw = "# Quyết định\nkhen_thuong:\n  DANH_SACH\n\n   :\n\n   \"DS-Khen.xlsx\"\nso: 1\n".encode()
    text = raw.decode()
    assert _names_in(raw, text) == ["ds-khen.xlsx"] == _names_listed(_folded(text))


def test_a_letter_folded_from_another_is_read_in_the_whole_file() -> None:
    raw = "danh_\u017fach: a.xlsx\ndanh_sach: b.xlsx\n".encode()  # ſ folds to s
    assert _names_in(raw, raw.decode()) == ["a.xlsx", "b.xlsx"]
