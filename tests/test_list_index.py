"""pipeline.load.lists' index of the list files a workspace's documents name: what it finds in a
file by folding only the lines a danh_sach line may stand on is what folding the whole file and
searching it finds."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.load.lists import (
    _FOLDED_INTO_LETTERS,
    _bytes,
    _folded,
    _names_in,
    _names_listed,
    _watched,
)

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
     b"\n  :", b":\n", b"\n  ds.xlsx", "\u0301".encode(), "\u212a\u0130".encode(),
     b"\x1c", b"\x0b", b"\r", "\x85".encode(), "c\u0327".encode(), b"tieu_de_danh_sach: ",
     "Cá nhân".encode()]
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


def test_an_ascii_danh_sach_line_is_read_as_the_whole_file_is() -> None:
    """The lines in ASCII alone, taken without folding, and an open one among them (its run
    goes on to the name on a line below)."""
    raw = "# Danh sách\nkhen_thuong:\n  DANH_SACH: DS-A.xlsx\ntieu_de_danh_sach: Cá nhân\n".encode()
    text = raw.decode()
    assert _names_in(raw, text) == ["ds-a.xlsx", "cá nhân"] == _names_listed(_folded(text))
    raw += b"hoi_dong:\n  danh_sach:\x1c\n\n  hd.xlsx\n"
    text = raw.decode()
    assert _names_in(raw, text)[-1] == "hd.xlsx"
    assert _names_in(raw, text) == _names_listed(_folded(text))


@pytest.mark.parametrize("relative", ["a/b/qd.yaml", "qd.yaml", "a/qd.yaml"])
def test_a_file_s_folder_is_watched_as_its_path_s_parent(
    relative: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a" / "b").mkdir(parents=True)
    for file in (os.fspath(tmp_path / relative), relative):
        folders: dict[str, int] = {}
        assert _watched(folders, file)
        assert list(folders) == [os.fspath(Path(file).parent)]


def test_a_file_is_read_whole_or_not_at_all(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(bytes(range(256)) * 1000)  # more than one read
    assert _bytes(os.fspath(big)) == big.read_bytes()
    assert _bytes(os.fspath(tmp_path / "missing.yaml")) is None
    assert _bytes(os.fspath(tmp_path)) is None  # a folder
