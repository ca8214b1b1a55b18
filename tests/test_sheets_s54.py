"""Which sheet, which kind of file, which formula (session 54's spreadsheet hunt, bugs 1, 3, 4, 6).

- A workbook with a list on several visible sheets ("2024" last year's, "2025" this year's) and
  no trang_tinh: refused, naming the sheets with a list and the line that reads one (the sheet
  the file was saved with open), not the first sheet read without a word. One sheet with a
  list (others empty, a form, an instructions sheet, a hidden one) is read as before.
- The kind of a list file is told by its first bytes, not its name: a real .xlsx named .xls
  (as web portals export it) or .csv is read; an HTML table named .xls is said to be a web page
  and how to save it as .xlsx; an old binary .xls is refused as before.
- A cell of a shared formula (Excel's filled-down formula: <f t="shared" si="0"/>) without a
  stored result: the message shows the formula Excel shows for that cell, its references moved.
- trang_tinh: 2025 (a number to YAML) names the sheet "2025"; an empty form as the first sheet
  with the rows on another: that sheet named, with its trang_tinh line.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet import OLE2_MAGIC, read_table
from pipeline.load.spreadsheet.shared_formulas import Master, formula_at
from pipeline.model.quyet_dinh import SheetRef
from tests.new_office import new_office

HEADERS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu"]
LAST_YEAR = [[1, "Người Năm Cũ", "Chuyên viên", "Phòng A", "Lao động tiên tiến"]]
THIS_YEAR = [
    [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổng hợp", "Lao động tiên tiến"],
    [2, "Trần Thị Bình", "Kế toán viên", "Phòng Tổng hợp", "Lao động tiên tiến"],
]
FIELDS = {"required": ["ho_ten", "danh_hieu"], "optional": ["chuc_vu", "don_vi"]}
YEAR = Path("inputs") / "2026"


def workbook(
    path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[object]]]], *, active: int = 0,
    hidden: Sequence[str] = (),
) -> Path:  # fmt: skip
    """An .xlsx with the given sheets (name, rows), saved with sheet number `active` open."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.active = active
    book.save(path)
    return path


def refused(path: Path, **kw: object) -> InputError:
    with pytest.raises(InputError) as caught:
        read_table(path, **{**FIELDS, **kw})  # type: ignore[arg-type]
    return caught.value


def names(path: Path, **kw: object) -> list[str]:
    return [row.values["ho_ten"] for row in read_table(path, **FIELDS, **kw)]  # type: ignore[arg-type]


def said(error: InputError) -> dict[str, str]:
    return {lang: error.message(lang) for lang in ("vi", "en")}


# --- 1. a list on several sheets --------------------------------------------------------------


def two_years(path: Path, *, active: int = 1) -> Path:
    return workbook(path, [("2024", [HEADERS, *LAST_YEAR]), ("2025", [HEADERS, *THIS_YEAR])],
                    active=active)  # fmt: skip


def test_two_list_sheets_without_trang_tinh_are_refused_naming_the_one_saved_open(
    tmp_path: Path,
) -> None:
    error = refused(two_years(tmp_path / "ds.xlsx"))
    assert error.key == "sheet.several_lists"
    vi, en = said(error).values()
    assert "tệp có danh sách trên 2 trang tính ('2024', '2025')" in vi, vi
    assert "(tệp được lưu khi đang mở trang tính '2025')" in vi, vi
    assert vi.endswith('trang_tinh: "2025"'), vi
    assert "holds a list on 2 sheets ('2024', '2025')" in en, en
    assert "(the file was saved with sheet '2025' open)" in en, en
    assert en.endswith('e.g.  trang_tinh: "2025"'), en


def test_the_line_given_is_the_first_list_when_the_sheet_saved_open_holds_none(
    tmp_path: Path,
) -> None:
    path = workbook(tmp_path / "ds.xlsx", [
        ("Đợt 1", [HEADERS, *LAST_YEAR]), ("Ghi chú", [["Xem các trang khác"]]),
        ("Đợt 2", [HEADERS, *THIS_YEAR]),
    ], active=1)  # fmt: skip
    vi = said(refused(path))["vi"]
    assert "('Đợt 1', 'Đợt 2')" in vi and "đang mở" not in vi, vi
    assert vi.endswith("trang_tinh: Đợt 1"), vi


def test_a_named_sheet_of_two_lists_is_read(tmp_path: Path) -> None:
    path = two_years(tmp_path / "ds.xlsx")
    assert names(path, sheet="2025") == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert names(path, sheet="2024") == ["Người Năm Cũ"]


@pytest.mark.parametrize("other", [
    [HEADERS],  # the empty form kept beside the list
    [HEADERS, [1], [2], [3]],  # the form with its STT numbered, no one in it
    [["Hướng dẫn: mỗi người một dòng"]],
    [],
])  # fmt: skip
def test_one_sheet_with_a_list_is_read_as_before(tmp_path: Path, other: list[list[object]]) -> None:
    path = workbook(tmp_path / "ds.xlsx", [("2025", [HEADERS, *THIS_YEAR]), ("Khác", other)],
                    active=1)  # fmt: skip
    assert names(path) == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_a_hidden_sheet_with_a_list_makes_no_second_list(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ds.xlsx", [
        ("2025", [HEADERS, *THIS_YEAR]), ("2024", [HEADERS, *LAST_YEAR]),
    ], hidden=["2024"])  # fmt: skip
    assert names(path) == ["Nguyễn Văn An", "Trần Thị Bình"]


# --- 3. the kind of file, by its first bytes --------------------------------------------------


@pytest.mark.parametrize("name", ["ds.xls", "ds.csv"])
def test_a_real_xlsx_under_another_name_is_read(tmp_path: Path, name: str) -> None:
    path = workbook(tmp_path / name, [("Danh sách", [HEADERS, *THIS_YEAR])])
    assert names(path) == ["Nguyễn Văn An", "Trần Thị Bình"]


@pytest.mark.parametrize("name", ["ds.xls", "ds.csv"])
def test_a_web_page_named_xls_is_said_to_be_one(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    page = "<!DOCTYPE html>\n<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>"
    path.write_bytes(b"\xef\xbb\xbf\r\n" + page.encode())
    error = refused(path)
    assert error.key == "sheet.web_page_named"
    vi, en = said(error).values()
    suffix = name[-4:]
    assert f"tệp {name} thực ra là một trang web (bảng HTML) mang đuôi {suffix}" in vi, vi
    assert "Excel Workbook (.xlsx)" in vi and "kiểu cũ" not in vi, vi
    assert f"{name} is in fact a web page (an HTML table) named {suffix}" in en, en


def test_a_bare_html_table_named_xls_is_a_web_page_too(tmp_path: Path) -> None:
    path = tmp_path / "ds.xls"
    path.write_text("<table border=1><tr><td>Họ và tên</td></tr></table>", "utf-8")
    assert refused(path).key == "sheet.web_page_named"


@pytest.mark.parametrize("name", ["ds.xls", "ds.csv"])
def test_an_old_binary_xls_is_refused_as_before(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE2_MAGIC + b"\xa1\xb1\x1a\xe1" + bytes(504))
    error = refused(path)
    assert error.key == "sheet.xls_format"
    assert "tệp Excel kiểu cũ (.xls" in said(error)["vi"]


def test_a_csv_whose_first_cell_starts_pk_is_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("PK,Họ và tên,Danh hiệu\n1,Nguyễn Văn An,Lao động tiên tiến\n", "utf-8")
    assert names(path) == ["Nguyễn Văn An"]


# --- 4. a shared formula without its result ---------------------------------------------------


def with_cells(path: Path, cells: dict[str, str]) -> Path:
    """The workbook at `path` with the given cells of its first sheet written as `cells` says
    (each a whole <c> element): what Excel writes and openpyxl cannot."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, element in cells.items():
        sheet, count = re.subn(rf'<c r="{ref}"[^>]*>.*?</c>', element, sheet, count=1)
        assert count == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def priced_list(path: Path) -> Path:
    """A list whose Số tiền column G is a formula (written "=X", replaced by with_cells)."""
    rows: list[list[object]] = [[*HEADERS, "Hệ số", "Số tiền"]]
    rows += [[*person, 0.3, "=X"] for person in THIS_YEAR]
    return workbook(path, [("Danh sách", rows)])


SHARED_MASTER = (
    '<c r="G2"><f t="shared" ref="G2:G3" si="0">ROUNDUP(F2*2340000/10000,0)*10000+$F$2-F$2</f>'
    "<v>710000</v></c>"
)


def test_a_shared_formula_without_its_result_shows_the_formula_of_its_cell(
    tmp_path: Path,
) -> None:
    path = with_cells(priced_list(tmp_path / "ds.xlsx"), {
        "G2": SHARED_MASTER, "G3": '<c r="G3"><f t="shared" si="0"/></c>',
    })  # fmt: skip
    error = refused(path, optional=["chuc_vu", "don_vi", "so_tien"])
    assert error.key == "sheet.formula_no_value" and error.row == 3
    vi, en = said(error).values()
    assert "ô G3 chứa công thức =ROUNDUP(F3*2340000/10000,0)*10000+$F$2-F$2 nhưng" in vi, vi
    assert "holds the formula =ROUNDUP(F3*2340000/10000,0)*10000+$F$2-F$2 but" in en, en


def test_a_shared_formula_whose_master_comes_later_is_still_shown(tmp_path: Path) -> None:
    master = '<c r="G3"><f t="shared" ref="G2:G3" si="4">F3*2</f></c>'
    path = with_cells(priced_list(tmp_path / "ds.xlsx"), {
        "G2": '<c r="G2"><f t="shared" si="4"/></c>', "G3": master,
    })  # fmt: skip
    error = refused(path, optional=["chuc_vu", "don_vi", "so_tien"])
    assert error.row == 2 and "công thức =F2*2 nhưng" in said(error)["vi"]


def test_a_shared_formula_without_its_master_is_a_damaged_file_not_an_empty_formula(
    tmp_path: Path,
) -> None:
    path = with_cells(priced_list(tmp_path / "ds.xlsx"), {
        "G2": '<c r="G2"><f>F2*2</f><v>1</v></c>', "G3": '<c r="G3"><f t="shared" si="7"/></c>',
    })  # fmt: skip
    error = refused(path, optional=["chuc_vu", "don_vi", "so_tien"])
    assert error.key == "sheet.bad_xlsx"
    assert "công thức =" not in said(error)["vi"]


@pytest.mark.parametrize(("row", "column", "shown"), [
    (5, 3, "SUM(C5:C7)*$A$1+B$2+$B5+'Sheet 2'!C5+\"B2\"+LOG10(2)+Rate+SUM(C:C)+SUM(5:5)"),
    (2, 4, "SUM(D2:D4)*$A$1+C$2+$B2+'Sheet 2'!D2+\"B2\"+LOG10(2)+Rate+SUM(D:D)+SUM(2:2)"),
])  # fmt: skip
def test_a_shared_formula_moves_its_relative_references_only(
    row: int, column: int, shown: str
) -> None:
    text = "SUM(B2:B4)*$A$1+A$2+$B2+'Sheet 2'!B2+\"B2\"+LOG10(2)+Rate+SUM(B:B)+SUM(2:2)"
    assert formula_at(Master(2, 2, text), row, column) == shown


def test_a_reference_moved_off_the_sheet_is_ref_as_excel_writes_it() -> None:
    assert formula_at(Master(2, 2, "A1+Sheet2!A2+B2"), 1, 1) == "#REF!+Sheet2!#REF!+A1"


# --- 6. a sheet named by its year, a list behind its empty form -------------------------------


def test_trang_tinh_given_as_a_number_names_the_sheet() -> None:
    assert SheetRef(danh_sach="ds.xlsx", trang_tinh=2025).trang_tinh == "2025"  # type: ignore[arg-type]


def form_then_list(path: Path, *, active: int = 1) -> Path:
    return workbook(path, [("Mẫu", [HEADERS]), ("2025", [HEADERS, *THIS_YEAR])], active=active)


def test_an_empty_form_before_the_list_names_the_sheet_with_the_rows(tmp_path: Path) -> None:
    error = refused(form_then_list(tmp_path / "ds.xlsx"))
    assert error.key == "sheet.rows_on_other_sheet" and error.sheet == "Mẫu"
    vi, en = said(error).values()
    assert "danh sách trống: dưới dòng tiêu đề (dòng 1) của trang tính này" in vi, vi
    assert "còn trang tính '2025' thì có" in vi and vi.endswith('trang_tinh: "2025"'), vi
    assert "while sheet '2025' has some" in en and en.endswith('trang_tinh: "2025"'), en


def test_the_empty_form_named_still_names_the_sheet_with_the_rows(tmp_path: Path) -> None:
    error = refused(form_then_list(tmp_path / "ds.xlsx"), sheet="Mẫu")
    assert error.key == "sheet.rows_on_other_sheet"


def test_an_empty_list_alone_is_refused_as_before(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ds.xlsx", [("Mẫu", [HEADERS]), ("Khác", [HEADERS, [1]])])
    error = refused(path)
    assert error.key == "sheet.no_rows"


def decision_reading(workbook_name: str, sheet_line: str | None) -> Path:
    """The starter decision (vanthu new quyet-dinh) reading `workbook_name`, with the
    trang_tinh line given, if any, under its danh_sach line."""
    path = YEAR / "qd.yaml"
    result = CliRunner().invoke(main, ["--lang", "vi", "new", "quyet-dinh", "-o", str(path)])
    assert result.exit_code == 0, result.output
    (YEAR / "danh-sach-khen-thuong.csv").unlink()
    text = path.read_text("utf-8")
    listed = f"  danh_sach: {workbook_name}\n" + (f"  {sheet_line}\n" if sheet_line else "")
    text, count = re.subn(r"  danh_sach: danh-sach-khen-thuong\.csv[^\n]*\n", listed, text)
    assert count == 1
    path.write_text(text, "utf-8")
    return path


def test_a_decision_reads_the_sheet_named_by_its_year_unquoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_office(tmp_path, monkeypatch)
    two_years(YEAR / "ds.xlsx")
    path = decision_reading("ds.xlsx", "trang_tinh: 2025")
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(path)])
    assert result.exit_code == 0, result.output


def test_a_decision_on_a_workbook_of_two_lists_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_office(tmp_path, monkeypatch)
    two_years(YEAR / "ds.xlsx")
    path = decision_reading("ds.xlsx", None)
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(path)])
    assert result.exit_code == 1, result.output
    assert "tệp có danh sách trên 2 trang tính ('2024', '2025')" in result.output
    assert 'trang_tinh: "2025"' in result.output
    assert not (Path("outputs") / "2026" / "qd.docx").exists()
