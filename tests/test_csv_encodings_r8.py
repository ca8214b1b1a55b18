"""A CSV danh sách saved in a legacy Vietnamese code (exploratory round r8b, F2).

Old software exports lists in Windows-1258; lists typed with a .VnTime or VNI-Times font are
saved in TCVN3 or VNI. vanthu refuses them (it reads UTF-8 only) naming the code it detected,
the cell where the text stops being UTF-8 as it reads in that code, and a way to convert the
file that does not garble it (never "open it in Excel and save as CSV UTF-8": Excel reads such
a file as Windows-1252).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from pipeline.text.legacy import encode_legacy

ROWS = [
    ["Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại"],
    ["Lò Thị Ươm", "Chuyên viên", "Phòng Công chức, viên chức", "Giấy khen", "Cá nhân"],
    ["Trần Quốc Việt", "Phó Trưởng phòng", "Phòng Xây dựng chính quyền", "Giấy khen", "Cá nhân"],
    ["Nguyễn Thị Ngọc Diệp", "Chuyên viên", "Trung tâm Lưu trữ lịch sử", "Giấy khen", "Cá nhân"],
    ["Hà Văn Đức", "Chuyên viên", "Phòng Cải cách hành chính", "Giấy khen", "Cá nhân"],
]


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    return "".join(
        delimiter.join(f'"{c}"' if "," in c or delimiter in c else c for c in row) + "\r\n"
        for row in rows
    )


def legacy_csv(tmp_path: Path, encoding: str, text: str | None = None) -> Path:
    """ds.csv holding `text` (ROWS by default) saved in the legacy code `encoding`."""
    path = tmp_path / "ds.csv"
    path.write_bytes(encode_legacy(csv_text(ROWS) if text is None else text, encoding))
    return path


def refusal(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_table(path, required=("ho_ten", "danh_hieu"), optional=("chuc_vu", "don_vi", "loai"))
    return info.value


@pytest.mark.parametrize(
    ("encoding", "code"),
    [("windows-1258", "Windows-1258"), ("tcvn3", "TCVN3 (ABC)"), ("vni", "VNI")],
)
def test_a_legacy_csv_is_refused_naming_its_code_and_cell(
    tmp_path: Path, encoding: str, code: str
) -> None:
    path = legacy_csv(tmp_path, encoding)
    err = refusal(path)
    assert err.key == "sheet.csv_legacy_encoding"
    assert err.line == 1
    vi, en = err.message("vi"), err.message("en")
    assert str(path) in vi and "dòng 1" in vi
    assert f"bảng mã {code}" in vi and f"the {code} code" in en
    assert "ô A1 đọc theo bảng mã đó là «Họ và tên»" in vi and "cell A1 reads «Họ và tên»" in en
    assert "vị trí" not in vi and "offset" not in en


def test_the_cell_named_is_the_first_not_utf8_one(tmp_path: Path) -> None:
    """A header in ASCII, the names in TCVN3: the cell is the first name, column and line
    told as Excel would show them (a quoted delimiter is no column)."""
    rows = [["STT", "Ho va ten", "Don vi", "Hinh thuc"], ["1", "An", "Phong A, B", "GK"],
            ["2", "Lò Thị Ươm", "Phòng Nội vụ", "GK"]]  # fmt: skip
    text = csv_text(rows[:2]) + csv_text(rows[2:])
    path = legacy_csv(tmp_path, "tcvn3", text)
    err = refusal(path)
    assert err.key == "sheet.csv_legacy_encoding" and err.line == 3
    assert "ô B3 đọc theo bảng mã đó là «Lò Thị Ươm»" in err.message("vi")


def test_a_cp1258_csv_is_told_a_conversion_that_keeps_its_letters(tmp_path: Path) -> None:
    path = legacy_csv(tmp_path, "windows-1258", csv_text(ROWS, ";"))
    vi, en = refusal(path).message("vi"), refusal(path).message("en")
    assert "Vietnamese (Windows-1258)" in vi and "1258: Vietnamese (Windows)" in vi
    assert "Đừng mở thẳng tệp bằng Excel" in vi and "CSV UTF-8 (Comma" not in vi
    assert "Vietnamese (Windows-1258)" in en and "Do not open the file straight in Excel" in en


@pytest.mark.parametrize(("encoding", "source"), [("tcvn3", "TCVN3 (ABC)"), ("vni", "VNI Windows")])
def test_a_font_coded_csv_is_told_to_convert_with_unikey(
    tmp_path: Path, encoding: str, source: str
) -> None:
    path = legacy_csv(tmp_path, encoding)
    err = refusal(path)
    vi, en = err.message("vi"), err.message("en")
    assert f"Nguồn «{source}», Đích «Unicode»" in vi and "Notepad" in vi and "UTF-8" in vi
    assert f"source «{source}», destination «Unicode»" in en
    assert "Save As) kiểu \"CSV UTF-8" not in vi


def test_a_non_vietnamese_non_utf8_csv_keeps_the_plain_message(tmp_path: Path) -> None:
    """Bytes that read as no Vietnamese code: no code is named (none would be right)."""
    path = tmp_path / "ds.csv"
    path.write_bytes("Họ và tên,Danh hiệu\nAn,GK\n".encode() + b"B\xff\xfe\xfdnh,GK\n")
    err = refusal(path)
    assert err.key == "sheet.csv_encoding" and err.line == 3


def test_a_utf8_csv_with_decomposed_letters_reads(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes(unicodedata.normalize("NFD", csv_text(ROWS)).encode("utf-8-sig"))
    table = read_table(path, required=("ho_ten", "danh_hieu"), optional=("don_vi",))
    assert table.rows[0].values["ho_ten"] == "Lò Thị Ươm"
