"""TCVN3's ư is byte 0xAD, a soft hyphen (U+00AD) once pasted as Unicode: the text gate keeps it
there for the legacy check to refuse the text, where it removed it and "Hưng Trưng" typed with a
.VnTime font printed as "Hng Trng" (pipeline.text.legacy.keep_tcvn3_u_horns). A genuine soft
hyphen, Word's optional hyphen between syllables, is still removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from pipeline.load.spreadsheet.cells import cell_text
from pipeline.load.spreadsheet.fields import Field
from pipeline.load.yaml_source import load_yaml
from pipeline.text.gate import gate, normalize_invisible
from pipeline.text.legacy import TCVN3, keep_tcvn3_u_horns, legacy_encodings

SH = "\u00ad"
NAME = Field("ho_ten", ("Họ và tên",), text_only=True)


@pytest.mark.parametrize(
    "typed",
    [
        f"H{SH}ng",  # Hưng
        f"Tr{SH}ng",  # Trưng
        f"L{SH}u",  # Lưu: "Lu" is a syllable too, yet the soft hyphen is no optional hyphen
        f"tr{SH}êng",  # trường
        f"TR{SH}NG",  # TRƯNG in .VnTimeH
        f"{SH}u tiªn",  # ưu tiên: nothing before the ư
        f"gi{SH}¬ng",  # giương: "gi" is a syllable, "¬ng" is none
        f"Nguyễn Văn H{SH}ng",  # one TCVN3 word among Unicode ones
    ],
)
def test_a_soft_hyphen_that_is_tcvn3_u_horn_is_kept_and_the_text_is_legacy(typed: str) -> None:
    assert gate(typed) == typed
    assert legacy_encodings(gate(typed)) == (TCVN3,)


@pytest.mark.parametrize(
    "typed, read",
    [
        (f"chuyên{SH}viên", "chuyênviên"),  # between two syllables: Word's optional hyphen
        (f"Phòng{SH}", "Phòng"),
        (f"infor{SH}mation", "information"),
        (f"gi{SH}a", "gia"),  # between two syllables as typed
        (f"5{SH}a", "5a"),  # next to a digit: a measure's, never refused as legacy
        (f"{SH}", ""),
        (f"a{SH}\u0301", "á"),  # the mark joins its letter once the hyphen is gone
    ],
)
def test_a_genuine_soft_hyphen_is_still_removed(typed: str, read: str) -> None:
    assert gate(typed) == read
    assert normalize_invisible(read) == read


def test_only_the_soft_hyphens_that_are_u_horn_are_kept() -> None:
    typed = f"chuyên{SH}viên H{SH}ng\u200b"
    assert normalize_invisible(typed) == f"chuyênviên H{SH}ng"
    assert keep_tcvn3_u_horns(f"chuyênviên H{SH}ng") == f"chuyênviên H{SH}ng"


# --- where it is refused --------------------------------------------------------------------


def test_a_list_cell_typed_with_vntime_u_horn_alone_is_refused_with_its_unicode() -> None:
    with pytest.raises(InputError) as caught:
        cell_text(f"H{SH}ng Tr{SH}ng", NAME, "A3")
    assert caught.value.key == "sheet.legacy_text"
    assert caught.value.params["fixed"] == "Hưng Trưng"
    assert caught.value.params["encoding"] == "TCVN3 (ABC)"


def test_a_csv_list_with_vntime_u_horn_is_refused_at_its_row(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "Họ và tên,Danh hiệu\r\nNguyễn Văn An,Lao động tiên tiến\r\n"
        f"H{SH}ng Tr{SH}ng,Lao động tiên tiến\r\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_table(path, required=("ho_ten", "danh_hieu"), optional=())
    assert caught.value.key == "sheet.legacy_text" and caught.value.row == 3
    assert "«Hưng Trưng»" in caught.value.message("vi")


def test_a_genuine_soft_hyphen_in_a_cell_is_removed_silently() -> None:
    assert cell_text(f"Chuyên{SH}viên", NAME, "A3") == "Chuyênviên"


@pytest.mark.parametrize("quoted", [True, False])
def test_a_yaml_field_typed_with_vntime_u_horn_alone_is_refused(
    tmp_path: Path, quoted: bool
) -> None:
    value = f"Tr{SH}ng L{SH}u"
    value = f'"{value}"' if quoted else value
    path = tmp_path / "tb.yaml"
    path.write_text(f"loai: thong_bao\ntrich_yeu: {value}\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.legacy_text", 2, "trich_yeu")
    assert error.params["fixed"] == "Trưng Lưu"


def test_the_suggestion_keeps_u_horn_under_a_key_typed_with_vntime(tmp_path: Path) -> None:
    # The profile of the report: the key holds TCVN3's ư too, and the value was looked up in
    # the file by the key as gated, which had lost it: «khen thởng của Trờng» was suggested.
    path = tmp_path / "co-quan.yaml"
    path.write_text(
        "khen_thuong_rieng:\n"
        f"  Häc sinh giái cÊp tr{SH}êng:\n"
        "    ca_nhan: 200000\n"
        f"    nguon: Quy chÕ thi ®ua, khen th{SH}ëng cña Tr{SH}êng\n",
        "utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    error = caught.value
    assert error.key == "data.legacy_text" and error.line == 4
    assert error.params["fixed"] == "Quy chế thi đua, khen thưởng của Trường"


def test_a_form_s_text_with_vntime_u_horn_is_refused(tmp_path: Path) -> None:
    from pipeline.load.yaml_source import source_of_mapping

    with pytest.raises(InputError) as caught:
        source_of_mapping({"loai": "thong_bao", "trich_yeu": f"Tr{SH}ng L{SH}u"}, tmp_path / "x")
    assert caught.value.key == "data.legacy_text"
    assert caught.value.params["fixed"] == "Trưng Lưu"
