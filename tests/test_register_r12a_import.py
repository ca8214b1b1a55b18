"""r12a: `vanthu so nhap` of an office's Excel sổ văn bản đi, and `so xuat` to .xlsx.

A row dated in another year than its sheet's is refused (F3); what `so kiem-tra` would say of
the imported rows comes back as warnings, with day/month swaps by Excel named (F4); the .xlsx
export prints the form (Ghi chú says a void number, print area A:J, A4 landscape) (F5); import
messages a clerk can act on: the other sheet of a duplicate, Excel day numbers, lines under the
table, .xls, separate Số and Ký hiệu columns (F6).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.register import Details, RegisterImportError, open_register
from pipeline.register.columns import FORM_COLUMNS
from pipeline.register.xlsx_export import export_xlsx
from pipeline.register.xlsx_import import import_register, import_xlsx, read_register_xlsx

OFFICE = "ubnd-xa"
HEADER = ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản",
          "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản",
          "Ngày chuyển", "Ký nhận", "Ghi chú"]
TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026"
# Eight documents of 2026, in number and date order.
ROWS: list[list[Any]] = [
    ["01/QĐ-UBND", date(2026, 1, 5), "Quyết định thành lập Ban chỉ đạo", "Lò Văn Thắng"],
    ["02/KH-UBND", date(2026, 1, 6), "Kế hoạch thi đua năm 2026", "Lò Văn Thắng"],
    ["03/UBND-VP", date(2026, 1, 8), "V/v báo cáo tiêm chủng", "Quàng Thị Hoa"],
    ["04/TB-UBND", date(2026, 1, 12), "Thông báo lịch tiếp công dân", "Lò Văn Thắng"],
    ["05/QĐ-UBND", date(2026, 2, 2), "Quyết định khen thưởng", "Lò Văn Thắng"],
    ["06/BC-UBND", date(2026, 3, 15), "Báo cáo quý I", "Lò Văn Thắng"],
    ["07/UBND-KT", date(2026, 4, 1), "V/v hỗ trợ giống cây trồng", "Quàng Thị Hoa"],
    ["08/QĐ-UBND", date(2026, 5, 20), "Quyết định phê duyệt hộ nghèo", "Lò Văn Thắng"],
]
FIRST_ROW = 3  # title on row 1, header on row 2


def sheet_file(path: Path, rows: list[list[Any]], *, title: str | None = TITLE,
               name: str = "Sổ đi", header: list[str] = HEADER,
               more: dict[str, list[list[Any]]] | None = None) -> Path:
    """A sổ as the commune keeps it: a title row, the header, one row per number; `more`
    sheets (name → rows) with the same title and header after it."""
    book = Workbook()
    book.remove(book.active)
    for sheet_name, sheet_rows in {name: rows, **(more or {})}.items():
        sheet = book.create_sheet(sheet_name)
        if title is not None:
            sheet.append([title])
        sheet.append(header)
        for row in sheet_rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
    book.save(path)
    return path


def with_date(index: int, value: Any, rows: list[list[Any]] = ROWS) -> list[list[Any]]:
    """ROWS with the date of row `index` (0-based) replaced."""
    changed = [list(r) for r in rows]
    changed[index][1] = value
    return changed


def refused(tmp_path: Path, path: Path, **options: Any) -> list[InputError]:
    with open_register(tmp_path / "so.sqlite3") as register:
        with pytest.raises(RegisterImportError) as caught:
            import_xlsx(register, OFFICE, path, **options)
        assert register.entries(2025) == [] and register.entries(2026) == []
    return caught.value.errors


def warned(tmp_path: Path, path: Path, **options: Any) -> list[InputError]:
    with open_register(tmp_path / "so.sqlite3") as register:
        return import_register(register, OFFICE, path, **options).warnings


# F3 — a row dated in another year than its sheet's


def test_a_mistyped_year_is_refused_naming_row_date_and_the_sheets_year(tmp_path: Path) -> None:
    path = sheet_file(tmp_path / "so.xlsx", with_date(2, date(2025, 1, 8)))
    errors = refused(tmp_path, path)
    assert [(e.key, e.sheet, e.row, e.field) for e in errors] == [
        ("register.row_other_year", "Sổ đi", FIRST_ROW + 2, "Ngày tháng văn bản")]
    message = errors[0].message()
    assert "08/01/2025" in message and "năm 2026" in message and "tiêu đề sổ, dòng 1" in message
    assert "--nhieu-nam" in message
    assert "sheet of 2026" not in errors[0].message("en") and "register of 2026" in (
        errors[0].message("en"))


def test_the_sheets_year_from_its_name_or_from_most_rows(tmp_path: Path) -> None:
    typo = with_date(2, "08/01/2025")  # typed as text
    by_name = refused(tmp_path, sheet_file(tmp_path / "a.xlsx", typo, title=None, name="2026"))
    assert "tên trang tính" in by_name[0].message() and by_name[0].row == 4
    by_rows = refused(tmp_path, sheet_file(tmp_path / "b.xlsx", typo, title=None))
    assert "7/8 dòng" in by_rows[0].message() and by_rows[0].row == 4


def test_a_title_of_another_year_than_every_row_is_one_error(tmp_path: Path) -> None:
    path = sheet_file(tmp_path / "so.xlsx", ROWS, title="SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2025")
    errors = refused(tmp_path, path)
    assert [(e.key, e.row) for e in errors] == [("register.sheet_other_year", None)]
    assert "năm 2025" in errors[0].message() and "8/8 dòng ghi ngày năm 2026" in (
        errors[0].message())


def test_other_years_files_each_row_by_its_date(tmp_path: Path) -> None:
    path = sheet_file(tmp_path / "so.xlsx", with_date(2, date(2025, 1, 8)))
    with open_register(tmp_path / "so.sqlite3") as register:
        import_xlsx(register, OFFICE, path, other_years=True)
        assert [e.number for e in register.entries(2025)] == [3]


def test_yearless_dates_take_the_sheets_year_and_are_not_refused(tmp_path: Path) -> None:
    rows = [[r[0], r[1].strftime("%d/%m"), *r[2:]] for r in ROWS]
    rows[2][1] = "08/01/2026"
    path = sheet_file(tmp_path / "so.xlsx", rows)
    assert len(read_register_xlsx(path)) == 8


def test_the_import_command_refuses_a_mistyped_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    sheet_file(tmp_path / "so.xlsx", with_date(2, date(2025, 1, 8)))
    result = CliRunner().invoke(main, ["so", "--co-quan", OFFICE, "nhap", "so.xlsx"])
    assert result.exit_code == 1
    assert "dòng 5" in result.output and "08/01/2025" in result.output
    assert "chưa nhập dòng nào" in result.output
    assert "--nhieu-nam" in result.output  # the way to import a sheet of several years
    taken = CliRunner().invoke(main, ["so", "--co-quan", OFFICE, "nhap", "--nhieu-nam", "so.xlsx"])
    assert taken.exit_code == 0, taken.output
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        assert [e.number for e in register.entries(2025)] == [3]


def test_a_gap_found_by_the_import_command_is_warned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    sheet_file(tmp_path / "so.xlsx", ROWS[:5] + ROWS[6:])
    result = CliRunner().invoke(main, ["so", "--co-quan", OFFICE, "nhap", "so.xlsx"])
    assert result.exit_code == 0, result.output
    assert "Cảnh báo" in result.output and "06" in result.output


# F4 — what `so kiem-tra` would say, after importing


def test_a_gap_is_said_after_importing(tmp_path: Path) -> None:
    path = sheet_file(tmp_path / "so.xlsx", ROWS[:5] + ROWS[6:])
    warnings = warned(tmp_path, path)
    assert [w.key for w in warnings] == ["register.import_gap"]
    assert "thiếu số 06" in warnings[0].message() and "năm 2026" in warnings[0].message()


def test_dates_swapped_by_an_american_excel_are_said(tmp_path: Path) -> None:
    """Typed dd/mm into an Excel set to month/day: a day of 12 or less became a date with day
    and month swapped, a day above 12 stayed text."""
    rows = []
    for row in ROWS:
        when: date = row[1]
        typed = date(2026, when.day, when.month) if when.day <= 12 else when.strftime("%d/%m/%Y")
        rows.append([row[0], typed, *row[2:]])
    warnings = warned(tmp_path, sheet_file(tmp_path / "so.xlsx", rows))
    assert warnings[0].key == "register.dates_month_first"
    said = warnings[0].message()
    assert "dòng 3: 01/05/2026, có lẽ là 05/01/2026" in said and "15/03/2026" in said
    # then what kiem-tra says: numbers dated before a lower number
    assert {w.key for w in warnings[1:]} == {"register.out_of_order"}
    assert all(w.row for w in warnings[1:])


def test_one_swapped_date_cell_is_named_at_its_row(tmp_path: Path) -> None:
    """A sổ read right but for one cell: 05/03/2026 stored as 3 May, between 02/02 and 01/04."""
    path = sheet_file(tmp_path / "so.xlsx", with_date(5, date(2026, 5, 3)))
    warnings = warned(tmp_path, path)
    hints = [w for w in warnings if w.key == "register.swap_fits"]
    assert [(w.row, w.params["swapped"]) for w in hints] == [(FIRST_ROW + 5, date(2026, 3, 5))]
    assert "03/05/2026" in hints[0].message() and "05/03/2026" in hints[0].message()
    assert "register.out_of_order" in {w.key for w in warnings}


def test_a_date_after_today_is_said(tmp_path: Path) -> None:
    path = sheet_file(tmp_path / "so.xlsx", ROWS)
    warnings = warned(tmp_path, path, today=date(2026, 4, 30))
    assert [(w.key, w.row) for w in warnings] == [("register.import_in_future", FIRST_ROW + 7)]


def test_a_date_written_month_first_is_refused_with_what_it_meant(tmp_path: Path) -> None:
    errors = refused(tmp_path, sheet_file(tmp_path / "so.xlsx", with_date(3, "01/13/2026")))
    assert [(e.key, e.row) for e in errors] == [("register.date_month_first", FIRST_ROW + 3)]
    assert "13/01/2026" in errors[0].message()


def test_a_clean_import_says_nothing(tmp_path: Path) -> None:
    assert warned(tmp_path, sheet_file(tmp_path / "so.xlsx", ROWS), today=date(2027, 1, 1)) == []


# F5 — the .xlsx export prints the form


def test_xlsx_export_prints_the_form_with_the_void_in_ghi_chu(tmp_path: Path) -> None:
    with open_register(tmp_path / "so.sqlite3") as register:
        import_xlsx(register, OFFICE, sheet_file(tmp_path / "so.xlsx", ROWS))
        register.void(OFFICE, 2026, 3, "in sai danh sách")
        register.reserve(OFFICE, Details(note="cho Chủ tịch"), year=2026)
        entries = register.entries(2026)
    exported = export_xlsx(entries, 2026, tmp_path / "xuat.xlsx")
    sheet = load_workbook(exported)["chung"]
    notes = {sheet.cell(r, 1).value: sheet.cell(r, 10).value for r in range(6, 6 + len(entries))}
    assert notes["03/UBND-VP"] == "Hủy số: in sai danh sách"
    assert notes["09"] == "Giữ số; cho Chủ tịch" and notes["01/QĐ-UBND"] is None
    assert sheet.print_area == f"'chung'!$A$1:$J${5 + len(entries)}"
    assert sheet.print_title_rows == "$4:$5"
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", int(sheet.PAPERSIZE_A4), 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.cell(6, 3).font.name == "Times New Roman"
    assert len(FORM_COLUMNS) == 10 and sheet.cell(4, 11).value == "Dãy số"  # outside, kept
    with open_register(tmp_path / "again.sqlite3") as again:  # reads back as it was
        import_xlsx(again, OFFICE, exported)
        back = {e.number: (e.status, e.void_reason, e.details.note)
                for e in again.entries(2026)}
    assert back[3][1:] == ("in sai danh sách", None) and back[9][2] == "cho Chủ tịch"


# F6 — import messages


def test_a_duplicate_on_another_sheet_names_that_sheet(tmp_path: Path) -> None:
    decisions = [r for r in ROWS if "QĐ" in r[0]]
    decisions = [[f"{i:02d}/QĐ-UBND", *r[1:]] for i, r in enumerate(decisions, start=1)]
    others = [[f"{i:02d}/{r[0][3:]}", *r[1:]] for i, r in enumerate(
        [r for r in ROWS if "QĐ" not in r[0]], start=1)]
    path = sheet_file(tmp_path / "so.xlsx", decisions, name="Quyết định",
                      more={"Văn bản khác": others})
    errors = refused(tmp_path, path)
    first = errors[0]
    assert (first.key, first.sheet, first.row) == (
        "register.duplicate_in_other_sheet", "Văn bản khác", FIRST_ROW)
    assert "trang tính 'Quyết định', dòng 3 (01/QĐ-UBND)" in first.message()


def test_excel_day_numbers_are_read_as_dates(tmp_path: Path) -> None:
    rows = [[r[0], (r[1] - date(1899, 12, 30)).days, *r[2:]] for r in ROWS]
    assert read_register_xlsx(sheet_file(tmp_path / "so.xlsx", rows))[0].details.doc_date == (
        date(2026, 1, 5))
    errors = refused(tmp_path, sheet_file(tmp_path / "b.xlsx", with_date(1, 4602)))
    assert errors[0].key == "register.date_number" and "4602" in errors[0].message()
    assert "không hợp lệ" not in errors[0].message()


def test_lines_under_the_table_are_passed_over(tmp_path: Path) -> None:
    footer: list[list[Any]] = [[], ["Tổng số: 08 văn bản"], [None] * 5 + ["Người lập sổ"],
                               [None] * 5 + ["(Ký, ghi rõ họ tên)"], [],
                               [None] * 5 + ["Nguyễn Thị Lan"]]
    assert len(read_register_xlsx(sheet_file(tmp_path / "so.xlsx", ROWS + footer))) == 8
    # a row of the sổ after them: they are rows of the sổ after all, and refused as such
    late = ["09/UBND-VP", date(2026, 6, 1), "V/v họp", "Quàng Thị Hoa"]
    errors = refused(tmp_path, sheet_file(tmp_path / "b.xlsx", ROWS + footer + [late]))
    assert [e.key for e in errors] == ["register.bad_reference"] + ["register.no_reference"] * 3
    assert "''" not in errors[1].message() and "xóa" in errors[1].message()


def test_an_xls_or_a_broken_file_is_refused_in_the_users_words(tmp_path: Path) -> None:
    xls = tmp_path / "so-cu.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(InputError) as caught:
        read_register_xlsx(xls)
    assert caught.value.key == "register.xls_file" and ".xls" in caught.value.message()
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(InputError) as caught:
        read_register_xlsx(broken)
    for lang in ("vi", "en"):
        assert "zip" not in caught.value.message(lang).lower()


def test_separate_so_and_ky_hieu_columns_are_joined(tmp_path: Path) -> None:
    header = ["STT", "Số", "Ký hiệu", *HEADER[1:]]
    rows = [[i, int(r[0][:2]), r[0][3:], *r[1:]] for i, r in enumerate(ROWS, start=1)]
    rows[1][2] = "/KH-UBND"  # some write the slash with the ký hiệu
    rows[3][2] = "2026/NQ-HĐND"  # a ký hiệu opening with its year
    rows[4][2] = "05/QĐ-UBND"  # the whole số, ký hiệu under Ký hiệu
    path = sheet_file(tmp_path / "so.xlsx", rows, header=header)
    read = read_register_xlsx(path)
    assert [(r.number, r.details.symbol) for r in read[:5]] == [
        (1, "QĐ-UBND"), (2, "KH-UBND"), (3, "UBND-VP"), (4, "2026/NQ-HĐND"), (5, "QĐ-UBND")]
    rows[2][1] = "03/UBND-KT"  # a whole số, ký hiệu under Số that disagrees with Ký hiệu
    errors = refused(tmp_path, sheet_file(tmp_path / "b.xlsx", rows, header=header))
    assert [(e.key, e.row) for e in errors] == [("register.number_symbol_apart", FIRST_ROW + 2)]


def test_a_bare_so_column_without_ky_hieu_is_not_the_number(tmp_path: Path) -> None:
    header = ["Số", *HEADER[1:]]
    with pytest.raises(RegisterImportError) as caught:
        read_register_xlsx(sheet_file(tmp_path / "so.xlsx", ROWS, header=header))
    assert caught.value.errors[0].key == "register.no_number_column"
    assert "'Số' và 'Ký hiệu'" in caught.value.errors[0].message()


def test_no_year_anywhere_names_the_option(tmp_path: Path) -> None:
    rows = [[r[0], r[1].strftime("%d/%m"), *r[2:]] for r in ROWS]
    errors = refused(tmp_path, sheet_file(tmp_path / "so.xlsx", rows, title=None))
    assert {e.key for e in errors} == {"register.date_no_year"}
    assert "--nam" in errors[0].message()


def test_excel_datetime_cells_still_read(tmp_path: Path) -> None:
    rows = with_date(0, datetime(2026, 1, 5, 8, 30))
    assert read_register_xlsx(sheet_file(tmp_path / "so.xlsx", rows))[0].details.doc_date == (
        date(2026, 1, 5))
