"""The Unicode vanthu suggests for TCVN3 text (round r8b, F4), and capitals compared whatever
place their tone marks have (an organ's name in the header).

TCVN3 has no toned capitals: capitals were typed with the .VnTimeH font on the small letters'
codes, so "LÒ THỊ ƯƠM" decodes as "Lò THị ƯƠM"; the suggestion gives the capitals back. A
TCVN3 phrase pasted among Unicode words gets its ambiguous words decoded too ("nhiÖm vô" is
"nhiệm vụ", though "vô" is a word as it stands).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import cell_text
from pipeline.load.spreadsheet.fields import Field
from pipeline.load.yaml_source import load_yaml
from pipeline.text.legacy import (
    TCVN3,
    decode_legacy,
    encode_legacy,
    legacy_encodings,
    suggested_unicode,
    vntimeh_capitals,
)
from pipeline.workspace.header_name import header_lines

NAME = Field("ho_ten", ("Họ và tên",), text_only=True)
UNIT = Field("don_vi", ("Đơn vị",), text_only=True)


def shown(text: str) -> str:
    """`text` typed with a TCVN3 font, as Excel or Word shows it through Windows-1252."""
    return encode_legacy(text, TCVN3).decode("cp1252")


def fixed(raw: str, field: Field) -> str:
    with pytest.raises(InputError) as caught:
        cell_text(raw, field, "B5")
    assert caught.value.key == "sheet.legacy_text"
    return str(caught.value.params["fixed"])


# --- .VnTimeH capitals --------------------------------------------------------------------------


def test_the_tester_s_vntimeh_name_comes_back_in_capitals() -> None:
    assert shown("LÒ THỊ ƯƠM") == "Lß THÞ ¦¥M"
    assert fixed("Lß THÞ ¦¥M", NAME) == "LÒ THỊ ƯƠM"
    assert fixed("Lß THÞ ¦¥M", UNIT) == "LÒ THỊ ƯƠM"


@pytest.mark.parametrize(
    "text",
    [
        "PHÒNG CÔNG CHỨC, VIÊN CHỨC",
        "ĐỘI TUYÊN TRUYỀN LƯU ĐỘNG",
        "TRƯỜNG THCS CHIỀNG MUNG",
        "SỞ NỘI VỤ TỈNH SƠN LA",
        "LÒ VĂN HỒ",  # "Lò", "Hồ" alone could be either: the other words tell
    ],
)
def test_a_text_typed_in_capitals_is_suggested_in_capitals(text: str) -> None:
    assert suggested_unicode(shown(text), TCVN3) == text


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Lò Thị Ươm", True),
        ("Phạm Minh Ánh", True),  # a name's lost capital comes back as before
        ("UBND tỉnh Sơn La", False),
        ("Phòng Tư pháp", False),
        ("Tập thể lớp 12A", False),
        ("Trường THCS Chiềng Mung", False),
    ],
)
def test_mixed_case_text_keeps_its_case(text: str, person: bool) -> None:
    assert suggested_unicode(shown(text), TCVN3, person=person) == text


def test_only_capital_words_are_raised_in_mixed_text() -> None:
    """A word whose other letters are capitals is in capitals; "Lò" next to small words is not."""
    assert vntimeh_capitals("Lò THị ƯƠM") == "LÒ THỊ ƯƠM"
    assert vntimeh_capitals("Ông Lò THị ƯƠM, phòng Nội vụ") == "Ông Lò THỊ ƯƠM, phòng Nội vụ"
    assert vntimeh_capitals("Lò Thị Ươm") == "Lò Thị Ươm"


def test_decode_legacy_itself_keeps_tcvn3_s_small_letters() -> None:
    """Only the suggestion guesses capitals: decoding says what the bytes hold."""
    assert decode_legacy("Lß THÞ ¦¥M", TCVN3) == "Lò THị ƯƠM"


# --- a TCVN3 phrase among Unicode words ----------------------------------------------------------

PHRASE = "đã có thành tích xuất sắc trong thùc hiÖn nhiÖm vô năm 2025"


def test_an_ambiguous_word_next_to_legacy_words_is_decoded() -> None:
    assert legacy_encodings(PHRASE) == (TCVN3,)
    assert suggested_unicode(PHRASE, TCVN3) == (
        "đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
    )


def test_the_yaml_suggestion_has_no_nhiem_vo(tmp_path: Path) -> None:
    path = tmp_path / "qd.yaml"
    path.write_text(f"loai: thong_bao\ntrich_yeu: Về việc khen thưởng\nket_thuc: {PHRASE}\n")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.key == "data.legacy_text" and caught.value.line == 3
    assert "nhiệm vụ năm 2025" in caught.value.params["fixed"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Lãnh đạo Sở Néi vô", "Lãnh đạo Sở Nội vụ"),
        ("Kính gửi: «Sở Néi vô»", "Kính gửi: «Sở Nội vụ»"),
        # Unicode words next to a legacy one stay when their legacy reading is no likelier.
        ("C¬ quan th«ng b¸o để các phòng…", "Cơ quan thông báo để các phòng…"),
        ("Lãnh đạo Sở và Phòng Néi vô", "Lãnh đạo Sở và Phòng Nội vụ"),
    ],
)
def test_ambiguous_words_are_decoded_only_beside_legacy_words(typed: str, expected: str) -> None:
    assert decode_legacy(typed, TCVN3) == expected


def test_vo_stays_where_no_legacy_word_is_beside_it() -> None:
    assert decode_legacy("Néi dung: vô hiệu hóa", TCVN3) == "Nội dung: vô hiệu hóa"


# --- an organ's name whatever place its tone marks have ----------------------------------------


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("UỶ BAN NHÂN DÂN TỈNH SƠN LA", ["UỶ BAN NHÂN DÂN", "TỈNH SƠN LA"]),
        ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"]),
        ("TOÀ ÁN NHÂN DÂN HUYỆN MAI SƠN", ["TOÀ ÁN NHÂN DÂN", "HUYỆN MAI SƠN"]),
        ("Uỷ ban nhân dân  xã Chiềng Mung", ["Uỷ ban nhân dân", "xã Chiềng Mung"]),
        ("ỦY BAN NHÂN DÂN", ["ỦY BAN NHÂN DÂN"]),
    ],
)
def test_an_organ_typed_with_the_old_tone_place_has_its_own_line(
    name: str, lines: list[str]
) -> None:
    assert header_lines(name) == lines
