"""A UTF-8 file opened in the wrong code keeps C1 control characters (round r11).

"Nguyễn" is the UTF-8 bytes 4E 67 75 79 E1 BB 85 6E; read as Latin-1 they show as
"Nguyá»\\x85n", the 0x85 a C1 control (U+0085). Read as Windows-1252 the same happens to the
five bytes it has no character for (0x81 0x8D 0x8F 0x90 0x9D: "Đ" is "Ä\\x90"). Saved again,
the text holds those controls: the text gate used to refuse it for "control character U+0085"
(retype the cell) before the misread check could say what it is, with its advice (open the file
again in its own code). Both list cells (CSV, xlsx) and YAML text get the misread refusal now;
a stray control in real Unicode text is refused as before.

Also: the misread variant of each legacy refusal's key is spelt out (pipeline.text.legacy.
MISREAD_KEYS), and every one of them is in the message catalogue in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from pipeline.load.spreadsheet.cells import cell_text
from pipeline.load.spreadsheet.fields import Field
from pipeline.load.yaml_source import load_yaml, source_of_mapping
from pipeline.messages import CATALOGUE
from pipeline.text.legacy import (
    MISREAD_KEYS,
    TCVN3,
    UTF_8,
    WINDOWS_1258,
    misread_with_control,
    refusal_key,
)

REPO = Path(__file__).resolve().parents[1]
NAME = Field("ho_ten", ("Họ và tên",), text_only=True)
_HOLES = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # the bytes Windows-1252 has no character for


def as_latin1(text: str) -> str:
    """`text` saved in UTF-8 and read as Latin-1: every byte 0x80-0x9F a C1 control."""
    return text.encode("utf-8").decode("latin-1")


def as_cp1252(text: str) -> str:
    """`text` saved in UTF-8 and read as Windows-1252: only its five holes C1 controls."""
    return "".join(chr(b) if b in _HOLES else bytes([b]).decode("cp1252")
                   for b in text.encode("utf-8"))  # fmt: skip


def _cell_error(raw: str) -> InputError:
    with pytest.raises(InputError) as caught:
        cell_text(raw, NAME, "B2")
    return caught.value


# --- the text check -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Nguyễn Văn A", "Trần Thị Bích Ngọc", "Phạm Đức Thắng", "Lê Văn Tuấn",
     "Cộng hòa xã hội chủ nghĩa Việt Nam", "Về việc khen thưởng"],
)  # fmt: skip
def test_a_c1_control_of_misread_utf8_is_the_misread(text: str) -> None:
    shown = as_latin1(text)
    assert re.search("[\x80-\x9f]", shown)
    first = re.search("[\x80-\x9f]", shown)[0]  # type: ignore[index]
    assert misread_with_control(shown, first) == (UTF_8,)


def test_a_stray_control_in_unicode_text_is_no_misread() -> None:
    assert misread_with_control("Nguyễn Văn A\x85", "\x85") == ()
    assert misread_with_control("Café\x85 Müller", "\x85") == ()
    # Only a C1 control is a byte of a misread letter: a BEL is a BEL.
    assert misread_with_control(as_latin1("Nguyễn Văn A") + "\x07", "\x07") == ()


# --- list cells ---------------------------------------------------------------------------------


@pytest.mark.parametrize("shown", [as_latin1, as_cp1252])
def test_a_cell_with_c1_controls_is_refused_as_misread(shown) -> None:  # type: ignore[no-untyped-def]
    raw = shown("Phạm Đức Thắng")  # Đ is C4 90: a C1 control in Windows-1252 too
    assert "\x90" in raw
    error = _cell_error(raw)
    assert error.key == "sheet.misread_text"
    assert error.params["fixed"] == "Phạm Đức Thắng"
    vi, en = error.message("vi"), error.message("en")
    assert "ô B2 có vẻ là chữ UTF-8 đọc nhầm thành Windows-1252" in vi
    assert "hãy mở lại tệp gốc với đúng bảng mã" in vi and "điều khiển" not in vi
    assert "cell B2 looks like UTF-8 misread as Windows-1252 text" in en
    assert "open the original file again in its own code" in en and "control" not in en


def test_a_cell_s_lost_soft_hyphen_and_controls_read_back() -> None:
    # í is C3 AD: a soft hyphen, which the gate removes, beside the C1 control of ọ (E1 BB 8D).
    error = _cell_error(as_latin1("Trần Thị Bích Ngọc"))
    assert (error.key, error.params["fixed"]) == ("sheet.misread_text", "Trần Thị Bích Ngọc")


def test_a_stray_control_in_a_cell_is_still_a_control() -> None:
    error = _cell_error("Nguyễn Văn\x85 A")
    assert (error.key, error.params["char"]) == ("sheet.control_char", "U+0085")


def _rows(name: str) -> list[list[str]]:
    return [["STT", "Họ và tên", "Danh hiệu"], ["1", name, "Lao động tiên tiến"]]


def _read(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_table(path, required=("ho_ten", "danh_hieu"), optional=("chuc_vu", "don_vi"))
    return caught.value


def test_a_csv_saved_again_after_a_wrong_reading_is_refused_as_misread(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    rows = _rows(as_latin1("Nguyễn Văn A"))
    path.write_text("".join(",".join(row) + "\r\n" for row in rows), encoding="utf-8")
    error = _read(path)
    assert (error.key, error.row) == ("sheet.misread_text", 2)
    assert error.params["fixed"] == "Nguyễn Văn A"
    assert "U+0085" not in error.message("vi") and "U+0085" not in error.message("en")


def test_an_xlsx_cell_with_c1_controls_is_refused_as_misread(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    book = Workbook()
    for row in _rows(as_latin1("Nguyễn Thị Hương")):
        book.active.append(row)  # type: ignore[union-attr]
    book.save(path)
    error = _read(path)
    assert (error.key, error.row, error.params["cell"]) == ("sheet.misread_text", 2, "B2")
    assert error.params["fixed"] == "Nguyễn Thị Hương"
    assert "UTF-8 misread as Windows-1252" in error.message("en")


# --- YAML text ----------------------------------------------------------------------------------


def _load(tmp_path: Path, text: str) -> InputError:
    path = tmp_path / "tb.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    return caught.value


@pytest.mark.parametrize("quote", ["", '"', "'"])
def test_yaml_text_with_c1_controls_is_refused_as_misread(tmp_path: Path, quote: str) -> None:
    shown = as_latin1("Về việc khen thưởng")  # ề is E1 BB 81: U+0081
    error = _load(tmp_path, f"loai: thong_bao\ntrich_yeu: {quote}{shown}{quote}\n")
    assert (error.key, error.line, error.field) == ("data.misread_text", 2, "trich_yeu")
    assert error.params["fixed"] == "Về việc khen thưởng"
    vi, en = error.message("vi"), error.message("en")
    assert "UTF-8 đọc nhầm thành Windows-1252" in vi and "không in được" not in vi
    assert "UTF-8 misread as Windows-1252" in en and "unprintable" not in en


def test_yaml_text_misread_on_a_later_line_names_its_line(tmp_path: Path) -> None:
    # U+0085 is a line break to a YAML parser: the value is still read whole, at its line.
    shown = as_latin1("Nguyễn Văn Bình")
    error = _load(tmp_path, f"loai: thong_bao\ntrich_yeu: Về việc họp\nnguoi_ky:\n"
                            f"  ho_ten: {shown}\n")  # fmt: skip
    assert (error.key, error.line, error.field) == ("data.misread_text", 4, "nguoi_ky.ho_ten")
    assert error.params["fixed"] == "Nguyễn Văn Bình"


def test_yaml_escaped_c1_controls_of_a_misread_are_refused_as_misread(tmp_path: Path) -> None:
    escaped = "".join(f"\\x{ord(c):02x}" if "\x80" <= c <= "\x9f" else c
                      for c in as_latin1("Về việc khen thưởng"))  # fmt: skip
    error = _load(tmp_path, f'loai: thong_bao\ntrich_yeu: "{escaped}"\n')
    assert (error.key, error.field) == ("data.misread_text", "trich_yeu")
    assert error.params["fixed"] == "Về việc khen thưởng"


def test_a_form_s_misread_text_with_c1_controls_is_refused_as_misread(tmp_path: Path) -> None:
    data = {"loai": "thong_bao", "trich_yeu": as_latin1("Về việc khen thưởng")}
    with pytest.raises(InputError) as caught:
        source_of_mapping(data, tmp_path / "tb.yaml")
    assert (caught.value.key, caught.value.field) == ("data.misread_text", "trich_yeu")


def test_a_stray_control_in_yaml_text_is_still_refused_as_one(tmp_path: Path) -> None:
    error = _load(tmp_path, "loai: thong_bao\ntrich_yeu: Về việc\x85 khen thưởng\n")
    assert (error.key, error.line, error.field) == ("data.bad_char", 2, "trich_yeu")
    assert error.params["char"] == "U+0085"


# --- the refusals' keys -------------------------------------------------------------------------


def test_every_legacy_refusal_key_has_its_misread_key_in_both_languages() -> None:
    used = set()
    for path in (REPO / "pipeline").rglob("*.py"):
        used |= set(re.findall(r'refusal_key\(\s*"([a-z_]+\.[a-z_]+)"', path.read_text("utf-8")))
    assert used and used <= MISREAD_KEYS.keys()
    for key in [*MISREAD_KEYS, *MISREAD_KEYS.values()]:
        entry = CATALOGUE.get(key)
        assert entry and entry.get("vi") and entry.get("en"), key


@pytest.mark.parametrize("key", sorted(MISREAD_KEYS))
def test_refusal_key_names_the_misread_variant_only_for_a_misread(key: str) -> None:
    assert refusal_key(key, (TCVN3,)) == key
    assert refusal_key(key, ()) == key
    assert refusal_key(key, (UTF_8,)) == refusal_key(key, (WINDOWS_1258,)) == MISREAD_KEYS[key]
    assert MISREAD_KEYS[key] == key.replace("legacy", "misread")  # the keys as they were
