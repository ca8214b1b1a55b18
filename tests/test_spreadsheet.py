"""Reading a danh sách from .xlsx and .csv: header finding, cleaning, and every bad input."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from pipeline.errors import InputError
from pipeline.load.spreadsheet import Field, normalize_header, read_table

HEADERS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Ghi chú"]
PEOPLE = [
    [1, "Nguyễn Văn An", "Trưởng phòng", "Phòng Tổng hợp", "Lao động tiên tiến", None],
    [2, "Trần Thị Bình", "Chuyên viên", "Phòng Hành chính", "Chiến sĩ thi đua cơ sở", None],
]
REQUIRED = ["ho_ten", "danh_hieu"]
OPTIONAL = ["chuc_vu", "don_vi", "ghi_chu"]


def make_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    titles: Sequence[str] = ("UBND TỈNH SƠN LA", "DANH SÁCH KHEN THƯỞNG"),
    sheet: str = "Danh sách",
    extra_sheets: Sequence[str] = (),
) -> Path:
    """A workbook as offices make them: merged title rows, a blank row, headers, data."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    width = max((len(r) for r in rows), default=1)
    for title in titles:
        ws.append([title])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
    if titles:
        ws.append([])
    for row in rows:
        ws.append(list(row))
    for name in extra_sheets:
        wb.create_sheet(name)
    wb.save(path)
    return path


def standard(path: Path, people: Sequence[Sequence[object]] = PEOPLE, **kw: object) -> Path:
    return make_xlsx(path, [HEADERS, *people], **kw)  # type: ignore[arg-type]


def read(path: Path, **kw: object):  # type: ignore[no-untyped-def]
    kw.setdefault("required", REQUIRED)
    kw.setdefault("optional", OPTIONAL)
    return read_table(path, **kw)  # type: ignore[arg-type]


def error_of(path: Path, **kw: object) -> InputError:
    with pytest.raises(InputError) as info:
        read(path, **kw)
    return info.value


def patch_zip(path: Path, member: str, old: bytes, new: bytes) -> None:
    """Rewrite one part of an .xlsx, to make what openpyxl itself would never write."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    assert old in parts[member]
    parts[member] = parts[member].replace(old, new)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


# -- reading ------------------------------------------------------------------------------


def test_header_under_merged_title_rows_and_real_row_numbers(tmp_path: Path) -> None:
    table = read(standard(tmp_path / "ds.xlsx"))
    assert table.header.row == 4
    assert [r.number for r in table] == [5, 6]
    first = table.rows[0]
    assert first.values == {
        "ho_ten": "Nguyễn Văn An",
        "danh_hieu": "Lao động tiên tiến",
        "chuc_vu": "Trưởng phòng",
        "don_vi": "Phòng Tổng hợp",
        "ghi_chu": "",
    }
    assert (first.file, first.sheet, table.sheet) == (
        str(tmp_path / "ds.xlsx"),
        "Danh sách",
        "Danh sách",
    )


def test_cells_are_cleaned(tmp_path: Path) -> None:
    nfd_name = unicodedata.normalize("NFD", "Lê  Thị\u00a0Hòa")
    rows = [[1, f"  {nfd_name} ", " Chuyên viên", "Phòng\n Kế toán", "Giấy khen", 3.0]]
    table = read(standard(tmp_path / "ds.xlsx", rows))
    values = table.rows[0].values
    assert values["ho_ten"] == unicodedata.normalize("NFC", "Lê Thị Hòa")
    assert values["chuc_vu"] == "Chuyên viên"
    assert values["don_vi"] == "Phòng Kế toán"
    assert values["ghi_chu"] == "3"


def test_other_cell_types_become_text(tmp_path: Path) -> None:
    rows = [
        [1, "An", None, None, "Giấy khen", 2.5],
        [2, "Bình", None, None, "Giấy khen", dt.datetime(2024, 1, 5)],
        [3, "Chi", None, None, "Giấy khen", 12],
    ]
    table = read(standard(tmp_path / "ds.xlsx", rows))
    assert [r.values["ghi_chu"] for r in table] == ["2.5", "05/01/2024", "12"]


def test_header_spellings_ignore_case_diacritics_spaces_punctuation(tmp_path: Path) -> None:
    headers = ["TT", "HỌ VÀ TÊN (TÊN TẬP THỂ)", "chuc vu", "Đơn  vị:", "Hình thức khen thưởng"]
    path = make_xlsx(tmp_path / "ds.xlsx", [headers, [1, "An", "CV", "P1", "Giấy khen"]])
    table = read(path)
    assert table.rows[0].values["ho_ten"] == "An"
    assert table.header.texts["danh_hieu"] == "Hình thức khen thưởng"
    assert normalize_header("Họ và tên / Tên tập thể") == "hovatententapthe"
    assert normalize_header("ĐƠN VỊ") == "donvi"


def test_columns_from_the_yaml_override_the_default_spellings(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "ds.xlsx", [["Tên cán bộ", "Khen"], ["An", "Giấy khen"]])
    table = read(path, columns={"ho_ten": "Tên cán bộ", "danh_hieu": "Khen"})
    assert table.rows[0].values["ho_ten"] == "An"
    assert not table.has("chuc_vu") and table.rows[0].values["chuc_vu"] == ""


def test_custom_field(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "ds.xlsx", [["Họ và tên", "Danh hiệu", "Năm sinh"], ["An", "GK", 1980]]
    )
    birth = Field("nam_sinh", ("Năm sinh",))
    table = read(path, optional=[birth])
    assert table.rows[0].values["nam_sinh"] == "1980"


def test_empty_rows_skipped_and_trailing_rows_ignored(tmp_path: Path) -> None:
    path = standard(
        tmp_path / "ds.xlsx", [PEOPLE[0], [None] * 6, [3, None, None, None, None], PEOPLE[1]]
    )
    wb = openpyxl.load_workbook(path)
    wb.active["B40"] = "   "  # whitespace far below: stored, but empty
    wb.save(path)
    assert [r.number for r in read(path)] == [5, 8]


def test_column_numbering_row_under_the_header_is_skipped(tmp_path: Path) -> None:
    path = standard(tmp_path / "ds.xlsx", [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], *PEOPLE])
    assert [r.number for r in read(path)] == [6, 7]


def test_named_sheet_and_loose_sheet_name(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Ghi chú"
    ws = wb.create_sheet("Tập thể")
    ws.append(["Tên tập thể", "Danh hiệu"])
    ws.append(["Phòng Tổng hợp", "Tập thể lao động tiên tiến"])
    wb.save(tmp_path / "ds.xlsx")
    assert read(tmp_path / "ds.xlsx", sheet="Tập thể").rows[0].number == 2
    assert read(tmp_path / "ds.xlsx", sheet="tap the").sheet == "Tập thể"


def test_formula_with_a_cached_empty_result_is_fine(tmp_path: Path) -> None:
    path = standard(tmp_path / "ds.xlsx", [[1, "An", None, None, "GK", '=IF(1,"","x")']])
    # What Excel writes for a formula that computed '': a string type with an empty value.
    patch_zip(path, "xl/worksheets/sheet1.xml", b'<c r="F5">', b'<c r="F5" t="str">')
    assert read(path).rows[0].values["ghi_chu"] == ""


def test_row_error_helper_points_at_the_cell(tmp_path: Path) -> None:
    row = read(standard(tmp_path / "ds.xlsx")).rows[1]
    assert row.cell("danh_hieu") == "E6"
    err = row.error("sheet.error_value", "danh_hieu", cell=row.cell("danh_hieu"), value="?")
    assert "dòng 6" in err.message("vi") and "Danh hiệu" in err.message("vi")


# -- csv ----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    lines = [
        "Danh sách khen thưởng, năm 2024",
        delimiter.join(["STT", "Họ và tên", "Danh hiệu", "Ghi chú"]),
        delimiter.join(["1", "Nguyễn Văn An", "Giấy khen", '"dòng một\ndòng hai"']),
        delimiter.join(["2", " Trần Thị Bình ", "Lao động tiên tiến", ""]),
    ]
    path = tmp_path / "ds.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    table = read(path)
    assert [r.number for r in table] == [3, 5]
    assert table.rows[0].values["ghi_chu"] == "dòng một dòng hai"
    assert table.rows[1].values["ho_ten"] == "Trần Thị Bình"
    assert table.sheet is None


# -- bad input: each error names the file and the place --------------------------------------


def test_missing_column_lists_headers_and_closest_match(tmp_path: Path) -> None:
    headers = ["STT", "Họ tên đệm", "Danh hiệu"]
    path = make_xlsx(tmp_path / "ds.xlsx", [headers, [1, "An", "GK"]])
    err = error_of(path)
    assert err.key == "sheet.missing_column_close"
    message = err.message("en")
    assert str(path) in message and "sheet 'Danh sách'" in message
    assert "row 4" in message and "'STT', 'Họ tên đệm', 'Danh hiệu'" in message
    assert "'Họ tên đệm' → 'Họ và tên'" in message
    assert err.field == "Họ và tên"


def test_missing_column_without_a_close_match(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "ds.xlsx", [["STT", "Họ và tên", "Xếp loại"], [1, "An", "A"]])
    err = error_of(path)
    assert err.key == "sheet.missing_column"
    assert "'Danh hiệu'" in err.message("vi") and "dòng 4" in err.message("vi")


def test_empty_sheet(tmp_path: Path) -> None:
    err = error_of(make_xlsx(tmp_path / "ds.xlsx", [], titles=()))
    assert err.key == "sheet.empty_sheet" and str(tmp_path / "ds.xlsx") in str(err)


def test_empty_list(tmp_path: Path) -> None:
    err = error_of(standard(tmp_path / "ds.xlsx", [[None] * 6]))
    assert err.key == "sheet.no_rows"
    assert str(tmp_path / "ds.xlsx") in err.message("vi") and "dòng 4" in err.message("vi")


def test_number_where_a_name_belongs(tmp_path: Path) -> None:
    err = error_of(standard(tmp_path / "ds.xlsx", [PEOPLE[0], [2, 12, "CV", "P", "GK"]]))
    assert err.key == "sheet.number_in_text"
    assert (err.row, err.field) == (6, "Họ và tên")
    message = err.message("vi")
    assert str(tmp_path / "ds.xlsx") in message and "dòng 6" in message and "B6" in message


def test_number_as_text_in_a_csv_name_column(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Danh hiệu\nAn,GK\n1.5,GK\n", encoding="utf-8")
    err = error_of(path)
    assert err.key == "sheet.number_in_text" and err.row == 3 and "A3" in str(err)


def test_control_character_in_xlsx(tmp_path: Path) -> None:
    # Excel stores a control character as the escape _x0007_; openpyxl hands it over as text.
    path = standard(tmp_path / "ds.xlsx", [PEOPLE[0], [2, "Trần_x0007_Bình", "CV", "P", "GK"]])
    err = error_of(path)
    assert err.key == "sheet.control_char"
    message = err.message("en")
    assert str(path) in message and "row 6" in message and "B6" in message and "U+0007" in message


def test_control_character_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên;Danh hiệu\nAn;GK\nBình;Giấy\x0bkhen\n", encoding="utf-8")
    err = error_of(path)
    assert err.key == "sheet.control_char" and err.row == 3 and err.field == "Danh hiệu"
    assert "B3" in str(err) and "U+000B" in str(err)


def test_formula_without_cached_value(tmp_path: Path) -> None:
    path = standard(tmp_path / "ds.xlsx", [PEOPLE[0], [2, '=UPPER("an")', "CV", "P", "GK"]])
    err = error_of(path)
    assert err.key == "sheet.formula_no_value"
    message = err.message("vi")
    assert str(path) in message and "dòng 6" in message and "B6" in message
    assert '=UPPER("an")' in message


def test_excel_error_value(tmp_path: Path) -> None:
    path = standard(tmp_path / "ds.xlsx", [[1, "An", "CV", "P", "#N/A"]])
    err = error_of(path)
    assert err.key == "sheet.error_value" and "E5" in str(err) and "#N/A" in str(err)


def test_duplicate_column(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "ds.xlsx", [["Họ và tên", "Danh hiệu", "Họ tên"], ["A", "B", "C"]])
    err = error_of(path)
    assert err.key == "sheet.duplicate_column"
    assert "A4" in str(err) and "C4" in str(err) and str(path) in str(err)


def test_unknown_field_in_columns(tmp_path: Path) -> None:
    err = error_of(standard(tmp_path / "ds.xlsx"), columns={"ho_tne": "Tên"})
    assert err.key == "sheet.unknown_field" and "ho_tne" in str(err)


# An HTML page named .xls is said to be a web page (test_sheets_s54), no longer an old .xls.
@pytest.mark.parametrize("content", [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)])
def test_old_xls_says_how_to_convert(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "danh sach.xls"
    path.write_bytes(content)
    err = error_of(path)
    assert err.key == "sheet.xls_format"
    message = err.message("vi")
    assert str(path) in message and ".xlsx" in message
    assert 'soffice --headless --convert-to xlsx "danh sach.xls"' in message


def test_ole2_content_without_xls_suffix_is_still_old_excel(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert error_of(path).key == "sheet.xls_format"


def test_password_protected_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    err = error_of(path)
    assert err.key == "sheet.encrypted" and str(path) in str(err) and "mật khẩu" in str(err)


def test_a_csv_named_xlsx_is_said_to_be_text(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_text("Họ và tên,Danh hiệu\n", encoding="utf-8")
    err = error_of(path)
    assert err.key == "sheet.text_named_xlsx" and str(path) in str(err)
    assert ".csv" in err.message("vi") and "zip" not in err.message("vi")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"<!DOCTYPE html><html><table><tr><td>1</td></tr></table></html>",
         "sheet.markup_named_xlsx"),
        (bytes(range(256)) * 4, "sheet.not_xlsx"),
        (b"", "sheet.not_xlsx"),
        (b"PK\x03\x04 broken", "sheet.bad_xlsx"),
    ],
)  # fmt: skip
def test_a_file_named_xlsx_that_is_no_workbook(tmp_path: Path, data: bytes, key: str) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(data)
    err = error_of(path)
    assert err.key == key and str(path) in str(err)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert error_of(path).key == "sheet.bad_xlsx"


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = standard(tmp_path / "ds.xlsx", extra_sheets=["Tập thể"])
    err = error_of(path, sheet="Cá nhân")
    assert err.key == "sheet.unknown_sheet"
    assert "'Danh sách', 'Tập thể'" in str(err) and str(path) in str(err)


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    assert error_of(tmp_path / "none.xlsx").key == "sheet.not_found"
    odt = tmp_path / "ds.ods"
    odt.write_bytes(b"PK")
    err = error_of(odt)
    assert err.key == "sheet.unsupported_format" and ".csv" in str(err)


def test_csv_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes(
        "Họ và tên,Danh hiệu\nAn,GK\n".encode()
        + unicodedata.normalize("NFD", "Bình,GK\n").encode("cp1258")
    )
    err = error_of(path)
    assert err.key == "sheet.csv_encoding"
    assert err.line == 3 and str(path) in str(err) and "dòng 3" in str(err)
    assert "CSV UTF-8" in str(err)


def test_unknown_standard_field_name_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        read(standard(tmp_path / "ds.xlsx"), required=["hoten"])
