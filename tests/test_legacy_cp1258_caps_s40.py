"""A Windows-1258 list misread as Windows-1252 is named so when its names are in capitals
(round s40), and the TCVN3 names in capitals that round s39 put right stay TCVN3.

Round s39's detector (c8a66f8, reverted in cd7d66f) gave TCVN3's reading of a text its .VnTimeH
capitals back before comparing it with a misread file's reading, and let a name's other words
corroborate a single legacy word. Both took Windows-1258's tone bytes (0xCC 0xD2 0xDE 0xEC
0xF2, which Windows-1252 shows as Ì Ò Þ ì ò) for a font's letters: "LoÌ PHUÒ" (Lò PHỦ) was read
as TCVN3 "Loè PHUỀ", "ToÌng PHÓ" (Tòng PHÓ) as TCVN3 "Toèng PHÓ". When both codes read a word,
the misread wins, as it did before round s39.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pytest

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import cell_text
from pipeline.load.spreadsheet.fields import Field
from pipeline.text.legacy import (
    TCVN3,
    WINDOWS_1258,
    encode_legacy,
    is_vietnamese_syllable,
    legacy_encodings,
    suggested_unicode,
)
from pipeline.text.legacy_codes import WESTERN
from pipeline.text.misread import CP1258_TONE_BYTES
from tests.test_legacy import FIXTURE_WORDS
from tests.test_legacy_cp1258 import NAMES, misread
from tests.test_legacy_names_s39 import GIVEN, MIDDLE

NAME = Field("ho_ten", ("Họ và tên",), text_only=True)


@pytest.mark.parametrize(
    "name",
    [
        "Lò PHỦ",  # the property test's find: "LoÌ PHUÒ", TCVN3 "Loè PHUỀ"
        "Lò THỦ",
        "Tòng PHỦ",
        "TÒNG THỦ",
        "Quàng PHỦ",  # "Quàng PHUÒ": TCVN3 and VNI both, in round s39
        "HÀ THỦ",
        "Tòng PHÓ",  # "ToÌng": one legacy word, corroborated by "PHÓ" in round s39
        "TÒNG SƠN",
        "Tòng TRÊN",
        "LÒ PHỦ",
        "LÒ THỊ ƯƠM",  # "THIò": a small tone byte in a word of capitals
        "Lò Văn PHỦ",
    ],
)
def test_a_misread_name_in_capitals_is_windows_1258(name: str) -> None:
    shown = misread(name)
    assert legacy_encodings(shown) == (WINDOWS_1258,), shown
    assert suggested_unicode(shown, WINDOWS_1258) == name


def test_a_misread_name_in_capitals_in_a_cell_is_refused_as_misread() -> None:
    with pytest.raises(InputError) as caught:
        cell_text(misread("Lò PHỦ"), NAME, "B7")
    assert caught.value.key == "sheet.misread_text"
    assert caught.value.params["fixed"] == "Lò PHỦ"
    assert "phông" not in caught.value.message("vi")


# Family names of the north-west, whose Windows-1258 form holds a tone byte ("LoÌ", "ToÌng",
# "Quàng" does not), and others; given names and words of documents, in capitals.
_FAMILIES = "Lò Tòng Quàng Lường Cầm Vì Sùng Giàng Mùa Hà Lê Nguyễn Lý Võ Đinh".split()
# A Windows-1258 tone byte or đ (ð, Ð) as Windows-1252 shows it: what tells a misread text
# (test_legacy_cp1258's _TELLING); ơ ư ă alone do not ("SÕN" is a syllable as typed).
_TELLING = frozenset("ÌìÒÞòðÐ")


@cache
def _capitals() -> tuple[str, ...]:
    words = {w for name in NAMES for w in name.split() if w.isalpha()} | {*GIVEN, *MIDDLE}
    words |= {w for w in FIXTURE_WORDS if w.isalpha() and is_vietnamese_syllable(w.lower())}
    return tuple(sorted({word.upper() for word in words}))


def _names() -> list[str]:
    forms = []
    for family in _FAMILIES:
        for word in _capitals():
            upper = family.upper()
            forms += [f"{family} {word}", f"{upper} {word}", f"{family} Văn {word}"]
            forms += [f"{family} Thị {word}", f"{upper} THỊ {word}", f"{upper} VĂN {word}"]
    return forms


def test_every_telling_misread_of_a_name_in_capitals_is_windows_1258() -> None:
    names = [(name, shown) for name in _names() if _TELLING & set(shown := misread(name))]
    assert len(names) > 30_000
    wrong = [
        (shown, codes)
        for name, shown in names
        if (codes := legacy_encodings(shown)) != (WINDOWS_1258,)
        or suggested_unicode(shown, WINDOWS_1258) != name
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "name",
    [
        "LÊ TUẤN HUYỀN",  # "L£ TUÊN HUYÒN": Windows-1258 reads "HUYÒN" ("HUỶN"), not "TUÊN"
        "TRỊNH THU HUYỀN",
        "MAI HỮU HUYỀN",
        "THÁI THỊ HUYỀN",
        "LÊ THỊ HUYỀN",
        "BÙI QUANG LOAN",
    ],
)
def test_a_tcvn3_name_in_capitals_the_misread_reads_less_well_stays_tcvn3(name: str) -> None:
    shown = encode_legacy(name, TCVN3).decode("cp1252")
    assert legacy_encodings(shown) == (TCVN3,), shown
    assert suggested_unicode(shown, TCVN3, person=True) == name


def test_the_tone_bytes_are_windows_1258s_combining_marks_as_windows_1252_shows_them() -> None:
    """The case rules leave out exactly the bytes the codec reads as tone marks."""
    read = {b: bytes([b]).decode("cp1258", "replace") for b in range(0x80, 0x100)}
    marks = (b for b, char in read.items() if unicodedata.combining(char))
    assert frozenset(WESTERN[b] for b in marks) == CP1258_TONE_BYTES
